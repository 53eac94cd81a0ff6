import { Alert, Button, Form, Input, Modal, Space } from 'antd';
import { ThunderboltOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { applyFieldErrors } from '@kangyun/web-shell/forms';
import { useFeedback } from '@kangyun/web-shell/feedback';
import { useMessages } from '@kangyun/web-shell/i18n';
import { staffApi } from '../api';
import { randomPassword } from '../components/randomPassword';
import { commonMessages } from '../messages/common';
import { staffMessages } from '../messages/staff';
import type { Staff } from '../types';

export function ResetPasswordModal({ staff, onClose }: { staff: Staff | null; onClose: () => void }) {
  const m = useMessages(staffMessages);
  const c = useMessages(commonMessages);
  const [form] = Form.useForm<{ newPassword: string }>();
  const [saving, setSaving] = useState(false);
  const { message, fail } = useFeedback();

  useEffect(() => {
    if (staff) form.setFieldsValue({ newPassword: randomPassword() });
  }, [staff, form]);

  const submit = async ({ newPassword }: { newPassword: string }) => {
    if (!staff) return;
    setSaving(true);
    try {
      await staffApi.resetPassword(staff.id, newPassword);
      message.success(m.resetDone);
      onClose();
    } catch (error) {
      if (applyFieldErrors(form, error).length || !(error as { errors?: unknown[] }).errors?.length) fail(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open={!!staff} title={staff ? m.resetTitle(staff.displayName) : ''} onCancel={onClose} onOk={() => form.submit()} okText={m.resetPassword} cancelText={c.cancel} confirmLoading={saving} destroyOnHidden>
      <Alert type="info" showIcon title={m.resetHint} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item label={m.newPassword} required>
          <Space.Compact block>
            <Form.Item name="newPassword" noStyle rules={[{ required: true, message: m.newPasswordRequired }]}>
              <Input.Password autoFocus autoComplete="new-password" />
            </Form.Item>
            <Button icon={<ThunderboltOutlined />} onClick={() => form.setFieldValue('newPassword', randomPassword())}>
              {c.generate}
            </Button>
            <Button onClick={() => void navigator.clipboard?.writeText(form.getFieldValue('newPassword') ?? '')}>{c.copy}</Button>
          </Space.Compact>
        </Form.Item>
      </Form>
    </Modal>
  );
}
