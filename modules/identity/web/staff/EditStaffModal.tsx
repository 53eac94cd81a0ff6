import { Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { applyFieldErrors } from '@kangyun/web-shell/forms';
import { useFeedback } from '@kangyun/web-shell/feedback';
import { useEnterToNext } from '@kangyun/web-shell/hooks/useEnterToNext';
import { useMessages } from '@kangyun/web-shell/i18n';
import { staffApi } from '../api';
import { commonMessages } from '../messages/common';
import { staffMessages } from '../messages/staff';
import type { Staff } from '../types';
import { MOBILE_PATTERN } from './CreateStaffModal';

interface Values {
  displayName: string;
  mobile?: string;
}

/** Name and mobile. The list only has a masked mobile, so the field starts empty and is sent only when filled. */
export function EditStaffModal({ staff, onClose, onSaved }: { staff: Staff | null; onClose: () => void; onSaved: () => void }) {
  const m = useMessages(staffMessages);
  const c = useMessages(commonMessages);
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { message, fail } = useFeedback();
  const onKeyDown = useEnterToNext(() => form.submit());

  useEffect(() => {
    if (staff) form.setFieldsValue({ displayName: staff.displayName, mobile: '' });
  }, [staff, form]);

  const submit = async (values: Values) => {
    if (!staff) return;
    setSaving(true);
    try {
      const mobile = values.mobile?.trim();
      await staffApi.update(staff.id, { displayName: values.displayName.trim(), ...(mobile ? { mobile } : {}) });
      message.success(c.saved);
      onSaved();
    } catch (error) {
      if (applyFieldErrors(form, error).length || !(error as { errors?: unknown[] }).errors?.length) fail(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open={!!staff} title={staff ? m.editTitle(staff.displayName) : ''} onCancel={onClose} onOk={() => form.submit()} okText={c.save} cancelText={c.cancel} confirmLoading={saving} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} onKeyDownCapture={onKeyDown} preserve={false}>
        <Form.Item label={m.username}>
          <Input value={staff?.username} disabled />
        </Form.Item>
        <Form.Item name="displayName" label={m.displayName} rules={[{ required: true, whitespace: true, message: m.displayNameRequired }]}>
          <Input autoFocus maxLength={50} />
        </Form.Item>
        <Form.Item name="mobile" label={m.mobile} extra={m.mobileEditHint} rules={[{ pattern: MOBILE_PATTERN, message: m.mobilePattern }]}>
          <Input inputMode="numeric" maxLength={11} placeholder={staff?.mobile ?? ''} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
