import { Button, Card, Pagination, Skeleton, Switch, Flex, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { PageHeader } from '@kangyun/web-shell/components/PageHeader';
import { ProblemAlert } from '@kangyun/web-shell/components/ProblemAlert';
import { useFeedback } from '@kangyun/web-shell/feedback';
import { useRequest } from '@kangyun/web-shell/hooks/useRequest';
import { useMessages } from '@kangyun/web-shell/i18n';
import { notificationsApi } from './api';
import { InboxList } from './InboxList';
import { notificationMessages } from './messages';

const PAGE_SIZE = 20;

/** All of the signed-in staff member's in-app messages. */
export default function InboxPage() {
  const m = useMessages(notificationMessages);
  const { message, fail } = useFeedback();
  const [page, setPage] = useState(1);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const inbox = useRequest((signal) => notificationsApi.inbox({ page, pageSize: PAGE_SIZE, unreadOnly }, signal), [page, unreadOnly]);

  const markAll = async () => {
    try {
      await notificationsApi.markAllRead();
      message.success(m.markedAllRead);
      inbox.reload();
    } catch (error) {
      fail(error);
    }
  };

  return (
    <>
      <PageHeader
        title={m.inboxTitle}
        subtitle={inbox.data ? m.unreadCount(inbox.data.unread) : m.inboxSubtitle}
        extra={
          <Button icon={<CheckOutlined />} disabled={!inbox.data?.unread} onClick={() => void markAll()}>
            {m.markAllRead}
          </Button>
        }
      />
      <Card variant="borderless" style={{ maxWidth: 960 }}>
        <Flex gap={8} align="center" style={{ marginBottom: 8 }}>
          <Switch
            size="small"
            checked={unreadOnly}
            onChange={(v) => {
              setUnreadOnly(v);
              setPage(1);
            }}
          />
          <Typography.Text>{m.unreadOnly}</Typography.Text>
        </Flex>
        <ProblemAlert error={inbox.error} onRetry={inbox.reload} />
        {inbox.loading && !inbox.data ? (
          <Skeleton active />
        ) : (
          <InboxList items={inbox.data?.items ?? []} empty={unreadOnly ? m.noUnread : m.noMessages} onChanged={inbox.reload} />
        )}
        {(inbox.data?.total ?? 0) > PAGE_SIZE ? (
          <Flex justify="flex-end" style={{ marginTop: 12 }}>
            <Pagination current={page} pageSize={PAGE_SIZE} total={inbox.data?.total ?? 0} onChange={setPage} showSizeChanger={false} />
          </Flex>
        ) : null}
      </Card>
    </>
  );
}
