import { Button, Card, Flex, Statistic, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { api, type Paged } from '@kangyun/web-shell/api';
import { ProblemAlert } from '@kangyun/web-shell/components/ProblemAlert';
import { useRequest } from '@kangyun/web-shell/hooks/useRequest';
import { defineMessages, useMessages } from '@kangyun/web-shell/i18n';
import type { Staff } from '../types';

const messages = defineMessages(
  { title: '已锁定账号', hint: '连续输错密码被锁定、等待处理的账号', handle: '去处理' },
  { title: 'Locked accounts', hint: 'Accounts locked after repeated wrong passwords', handle: 'Review' },
);

/** Home card for staff administrators: how many accounts are locked right now. */
export function LockedAccountsCard() {
  const m = useMessages(messages);
  const locked = useRequest((signal) => api.get<Paged<Staff>>('/api/staff', { status: 'locked', page: 1, pageSize: 1 }, signal), []);
  return (
    <Card variant="borderless" title={m.title} style={{ height: '100%' }}>
      <ProblemAlert error={locked.error} onRetry={locked.reload} />
      <Flex justify="space-between" align="end" wrap gap={12}>
        <div>
          <Statistic value={locked.data?.total ?? 0} loading={locked.loading} prefix={<LockOutlined />} styles={{ content: { color: locked.data?.total ? '#d46b08' : undefined } }} />
          <Typography.Text type="secondary">{m.hint}</Typography.Text>
        </div>
        <Link to="/staff?status=locked">
          <Button>{m.handle}</Button>
        </Link>
      </Flex>
    </Card>
  );
}
