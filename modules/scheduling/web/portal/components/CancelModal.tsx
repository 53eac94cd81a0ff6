import { Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useLang, useMessages } from '@kangyun/web-shell/i18n';
import { portalApi } from '../api';
import { dateLabel, hhmm } from '../format';
import { portalMessages } from '../messages';
import { usePortalFailure } from '../patient';
import type { PortalAppointment } from '../types';

/** 取消预约 with a confirmation and a reason (the hospital sees why numbers come back) */
export function CancelModal({ appointment: a, open, onClose, onCancelled }: {
  appointment: PortalAppointment;
  open: boolean;
  onClose: () => void;
  onCancelled: (a: PortalAppointment) => void;
}) {
  const m = useMessages(portalMessages);
  const lang = useLang();
  const failed = usePortalFailure();
  const [reason, setReason] = useState(m.cancelReasons[0]);
  const [other, setOther] = useState('');
  const [busy, setBusy] = useState(false);
  const isOther = reason === m.cancelReasons[m.cancelReasons.length - 1];
  const what = `${dateLabel(a.serviceDate, lang, m.weekdays)} ${hhmm(a.startsAt)} ${a.departmentName}`;

  async function submit() {
    setBusy(true);
    try {
      onCancelled(await portalApi.cancel(a.id, isOther && other.trim() ? other.trim() : reason));
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal open={open} title={m.cancelTitle} onCancel={onClose} onOk={submit} okText={m.cancelConfirm} cancelText={m.keep}
      okButtonProps={{ danger: true, loading: busy, size: 'large' }} cancelButtonProps={{ size: 'large' }} destroyOnHidden centered>
      <p>{m.cancelAsk(what)}</p>
      <Form layout="vertical">
        <Form.Item label={m.cancelReason} style={{ marginBottom: 8 }}>
          <Radio.Group value={reason} onChange={(e) => setReason(e.target.value)} style={{ display: 'flex', flexDirection: 'column', gap: 10 }}>
            {m.cancelReasons.map((r) => <Radio key={r} value={r}>{r}</Radio>)}
          </Radio.Group>
        </Form.Item>
        {isOther ? <Input.TextArea rows={2} maxLength={200} placeholder={m.cancelOther} value={other} onChange={(e) => setOther(e.target.value)} /> : null}
      </Form>
    </Modal>
  );
}
