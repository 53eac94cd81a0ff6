import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useFeedback } from '@kangyun/web-shell/feedback';
import { useEnterToNext } from '@kangyun/web-shell/hooks/useEnterToNext';
import { useMessages } from '@kangyun/web-shell/i18n';
import { planningApi } from '../api';
import { showFormError } from '../common/forms';
import { PractitionerSelect } from '../common/pickers';
import { planningMessages } from '../messages';
import type { SessionSummary } from '../types';

/** 替诊: choose the doctor who takes the session; booked patients are told by the server */
export function SubstituteModal({ session, open, onClose, onDone }: { session: SessionSummary; open: boolean; onClose: () => void; onDone: () => void }) {
  const m = useMessages(planningMessages);
  const s = m.session;
  const [form] = Form.useForm<{ practitionerId: number; reason: string }>();
  const [saving, setSaving] = useState(false);
  const { message, fail } = useFeedback();
  const onKeyDown = useEnterToNext(() => form.submit());
  const submit = async (v: { practitionerId: number; reason: string }) => {
    setSaving(true);
    try {
      const result = await planningApi.substitute(session.id, { practitionerId: v.practitionerId, reason: v.reason.trim() });
      message.success(s.substituted(result.practitionerName, result.notified.length));
      onDone();
    } catch (error) {
      showFormError(form, error, fail);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open={open} title={s.substituteTitle} onCancel={onClose} onOk={() => form.submit()} okText={s.substitute} cancelText={m.common.cancel} confirmLoading={saving} destroyOnHidden>
      <Alert type="warning" showIcon title={s.substituteConfirm(session.booked)} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={submit} onKeyDownCapture={onKeyDown} preserve={false}>
        <Form.Item name="practitionerId" label={s.substitutePractitioner} rules={[{ required: true, message: s.practitionerRequired }]}>
          <PractitionerSelect departmentId={session.departmentId} exclude={session.practitionerId} />
        </Form.Item>
        <Form.Item name="reason" label={s.substituteReason} rules={[{ required: true, whitespace: true, message: s.reasonRequired }]}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
