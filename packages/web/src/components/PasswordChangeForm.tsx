import { Button, Form, Input } from 'antd';
import { useState } from 'react';
import { api } from '../api';
import { applyFieldErrors } from '../forms';
import { useFeedback } from '../feedback';
import { useMessages } from '../i18n';
import { shellMessages } from '../messages';

interface Values {
  currentPassword?: string;
  newPassword: string;
  confirmPassword: string;
}

/**
 * Calls POST /api/auth/password. When `currentPassword` is given (forced change right after
 * sign-in) the user is not asked for it again.
 */
export function PasswordChangeForm({ currentPassword, onDone, submitText }: { currentPassword?: string; onDone: (newPassword: string) => void; submitText?: string }) {
  const m = useMessages(shellMessages);
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { fail } = useFeedback();
  const askCurrent = currentPassword === undefined;

  const submit = async (values: Values) => {
    setSaving(true);
    try {
      await api.post('/api/auth/password', {
        currentPassword: askCurrent ? values.currentPassword : currentPassword,
        newPassword: values.newPassword,
      });
      form.resetFields();
      onDone(values.newPassword);
    } catch (error) {
      const rest = applyFieldErrors(form, error);
      if (rest.length || !(error as { errors?: unknown[] }).errors?.length) fail(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} autoComplete="off">
      {askCurrent ? (
        <Form.Item name="currentPassword" label={m.currentPassword} rules={[{ required: true, message: m.currentPasswordRequired }]}>
          <Input.Password autoComplete="current-password" autoFocus />
        </Form.Item>
      ) : null}
      <Form.Item
        name="newPassword"
        label={m.newPassword}
        dependencies={['currentPassword']}
        rules={[
          { required: true, message: m.newPasswordRequired },
          ({ getFieldValue }) => ({
            validator: (_, value: string) =>
              value && value === (askCurrent ? getFieldValue('currentPassword') : currentPassword)
                ? Promise.reject(new Error(m.passwordSameAsOld))
                : Promise.resolve(),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" autoFocus={!askCurrent} />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={m.confirmPassword}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: m.confirmPasswordRequired },
          ({ getFieldValue }) => ({
            validator: (_, value: string) =>
              !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(m.passwordMismatch)),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={saving}>
        {submitText ?? m.submitPassword}
      </Button>
    </Form>
  );
}
