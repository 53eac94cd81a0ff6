import { Button, Form, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMessages } from '../../i18n';
import { shellMessages } from '../../messages';

export interface Credentials {
  username: string;
  password: string;
}

export function CredentialsStep({ initial, busy, onSubmit }: { initial?: Partial<Credentials>; busy: boolean; onSubmit: (values: Credentials) => void }) {
  const m = useMessages(shellMessages);
  return (
    <Form<Credentials> layout="vertical" size="large" initialValues={initial} onFinish={onSubmit} requiredMark={false} name="login">
      <Form.Item name="username" label={m.username} rules={[{ required: true, whitespace: true, message: m.usernameRequired }]}>
        <Input prefix={<UserOutlined />} autoComplete="username" autoFocus={!initial?.username} />
      </Form.Item>
      <Form.Item name="password" label={m.password} rules={[{ required: true, message: m.passwordRequired }]}>
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" autoFocus={!!initial?.username} />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={busy}>
        {m.loginButton}
      </Button>
    </Form>
  );
}
