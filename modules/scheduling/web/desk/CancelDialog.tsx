import { Alert, Form, Input, Modal, Radio, type ButtonProps } from 'antd';
import { useEffect, useState } from 'react';
import { useFeedback } from '@kangyun/web-shell/feedback';
import { useMessages } from '@kangyun/web-shell/i18n';
import { deskApi } from './api';
import { segment } from './format';
import { deskMessages } from './messages';
import type { Appointment } from './types';

const OTHER = '__other';

/** 取消预约: a reason is required (it is kept with the booking and in the audit log), then a confirmation. */
export function CancelDialog({ appointment: a, onClose, onDone }: { appointment: Appointment | null; onClose: () => void; onDone: (a: Appointment) => void }) {
  const m = useMessages(deskMessages);
  const { message, fail } = useFeedback();
  const [choice, setChoice] = useState<string>(m.cancelReasons[0]);
  const [other, setOther] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => { setChoice(m.cancelReasons[0]); setOther(''); }, [a?.id, m.cancelReasons]);
  const reason = choice === OTHER ? other.trim() : choice;

  const submit = async () => {
    if (!a || !reason || busy) return;
    setBusy(true);
    try {
      const done = await deskApi.cancel(a.id, reason, a.version);
      message.success(m.cancelDone);
      onDone(done);
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={!!a}
      title={m.cancelTitle}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={m.cancelConfirm}
      okButtonProps={{ danger: true, disabled: !reason, loading: busy, 'data-testid': 'cancel-confirm' } as ButtonProps}
      cancelText={m.back}
      destroyOnHidden
    >
      {a ? (
        <>
          <Alert type="warning" showIcon style={{ marginBottom: 12 }}
            title={`${a.serviceDate} ${segment(a.startsAt, a.endsAt)} ${a.departmentName} ${a.practitionerName ?? a.resourceName} ${m.slipNumber(a.seq)}`} />
          <Form layout="vertical" onFinish={() => void submit()}>
            <Form.Item label={m.cancelReason} required validateStatus={reason ? undefined : 'error'} help={reason ? undefined : m.reasonRequired}>
              <Radio.Group value={choice} onChange={(e) => setChoice(e.target.value)} style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
                {m.cancelReasons.map((r) => <Radio key={r} value={r}>{r}</Radio>)}
                <Radio value={OTHER}>{m.cancelOther}</Radio>
              </Radio.Group>
            </Form.Item>
            {choice === OTHER ? (
              <Input autoFocus maxLength={200} value={other} onChange={(e) => setOther(e.target.value)} onPressEnter={() => void submit()} aria-label={m.cancelOther} />
            ) : null}
          </Form>
        </>
      ) : null}
    </Modal>
  );
}
