import { Card, Flex, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMessages } from '../../i18n';
import { shellMessages } from '../../messages';
import { useCurrentAssignment, useSession } from '../../session';

function dayPart(m: typeof shellMessages['zh-CN']): string {
  const hour = new Date().getHours();
  if (hour < 11) return m.morning;
  if (hour < 13) return m.noon;
  if (hour < 18) return m.afternoon;
  return m.evening;
}

export function WelcomeCard() {
  const m = useMessages(shellMessages);
  const session = useSession();
  const post = useCurrentAssignment();
  return (
    <Card variant="borderless" className="welcome-card">
      <Flex justify="space-between" align="center" wrap gap={12}>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {m.greeting(dayPart(m), session.user.displayName)}
          </Typography.Title>
          <Typography.Text type="secondary">
            {post ? `${post.institutionName}${post.departmentName ? ` · ${post.departmentName}` : ''}` : null}
          </Typography.Text>
        </div>
        <Flex gap={8} wrap align="center">
          {post ? <Tag color="blue">{post.roleName}</Tag> : null}
          <Tag>
            {m.dataScopeLabel}：{m.dataScope[session.dataScope]}
          </Tag>
          <Typography.Text type="secondary">{dayjs().format(m.longDate)}</Typography.Text>
        </Flex>
      </Flex>
    </Card>
  );
}
