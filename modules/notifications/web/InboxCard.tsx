import { Badge, Button, Card, Flex, Skeleton } from 'antd';
import { Link } from 'react-router-dom';
import { ProblemAlert } from '@kangyun/web-shell/components/ProblemAlert';
import { useFeedback } from '@kangyun/web-shell/feedback';
import { useRequest } from '@kangyun/web-shell/hooks/useRequest';
import { useMessages } from '@kangyun/web-shell/i18n';
import { notificationsApi } from './api';
import { InboxList } from './InboxList';
import { notificationMessages } from './messages';

/** Home card for everyone: the latest unread in-app messages. */
export function InboxCard() {
  const m = useMessages(notificationMessages);
  const { fail } = useFeedback();
  const inbox = useRequest((signal) => notificationsApi.inbox({ unreadOnly: true, pageSize: 5 }, signal), []);
  const unread = inbox.data?.unread ?? 0;

  const markAll = async () => {
    try {
      await notificationsApi.markAllRead();
      inbox.reload();
    } catch (error) {
      fail(error);
    }
  };

  return (
    <Card
      variant="borderless"
      style={{ height: '100%' }}
      title={
        <Flex gap={8} align="center">
          {m.inboxTitle}
          <Badge count={unread} overflowCount={99} />
        </Flex>
      }
      extra={
        <Flex gap={4}>
          {unread ? (
            <Button size="small" type="link" onClick={() => void markAll()}>
              {m.markAllRead}
            </Button>
          ) : null}
          <Link to="/inbox">
            <Button size="small" type="link">
              {m.viewAll}
            </Button>
          </Link>
        </Flex>
      }
    >
      <ProblemAlert error={inbox.error} onRetry={inbox.reload} />
      {inbox.loading && !inbox.data ? <Skeleton active /> : <InboxList compact items={inbox.data?.items ?? []} empty={m.noUnread} onChanged={inbox.reload} />}
    </Card>
  );
}
