import { Badge, Button, Empty, Flex, Typography } from 'antd';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { useFeedback } from '@kangyun/web-shell/feedback';
import { useMessages } from '@kangyun/web-shell/i18n';
import { notificationsApi } from './api';
import { notificationMessages } from './messages';
import type { InboxMessage } from './types';

/** In-app messages; opening one marks it read and follows its link. */
export function InboxList({ items, empty, onChanged, compact = false }: { items: InboxMessage[]; empty: string; onChanged: () => void; compact?: boolean }) {
  const m = useMessages(notificationMessages);
  const { fail } = useFeedback();
  const navigate = useNavigate();

  const open = async (msg: InboxMessage) => {
    try {
      if (!msg.readAt) {
        await notificationsApi.markRead(msg.id);
        onChanged();
      }
      if (msg.link?.startsWith('/')) navigate(msg.link);
    } catch (error) {
      fail(error);
    }
  };

  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />;
  return (
    <Flex vertical>
      {items.map((msg, i) => (
        <Flex key={msg.id} gap={12} align="start" style={{ padding: '10px 0', borderTop: i ? '1px solid rgba(5, 5, 5, 0.06)' : undefined }}>
          <Badge status={msg.readAt ? 'default' : 'processing'} style={{ marginTop: 6 }} />
          <Flex vertical style={{ flex: 1, minWidth: 0 }}>
            <Flex justify="space-between" gap={8}>
              <Typography.Text strong={!msg.readAt} ellipsis>
                {msg.title}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                {dayjs(msg.createdAt).format(compact ? 'MM-DD HH:mm' : 'YYYY-MM-DD HH:mm')}
              </Typography.Text>
            </Flex>
            <Typography.Paragraph type="secondary" style={{ margin: 0 }} ellipsis={compact ? { rows: 2 } : false}>
              {msg.body}
            </Typography.Paragraph>
            {!compact && msg.institutionName ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {msg.institutionName}
              </Typography.Text>
            ) : null}
          </Flex>
          {!msg.readAt || msg.link ? (
            <Button size="small" type="link" onClick={() => void open(msg)}>
              {msg.link ? m.open : m.markRead}
            </Button>
          ) : null}
        </Flex>
      ))}
    </Flex>
  );
}
