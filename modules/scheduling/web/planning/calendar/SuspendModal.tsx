import { Alert, Button, Form, Input, Modal, Radio, Table, Tag } from 'antd';
import { useState } from 'react';
import { useFeedback } from '@kangyun/web-shell/feedback';
import { useMessages } from '@kangyun/web-shell/i18n';
import { planningApi } from '../api';
import { showFormError } from '../common/forms';
import { hm } from '../common/time';
import { planningMessages } from '../messages';
import type { SessionSummary, SuspensionOutcome, SuspensionResult } from '../types';

/**
 * 停诊: asks for the reason and what happens to the booked patients, confirms, then shows what
 * happened to each booking (moved where, or cancelled with the numbers offered).
 */
export function SuspendModal({ session, open, onClose, onDone }: { session: SessionSummary; open: boolean; onClose: () => void; onDone: () => void }) {
  const m = useMessages(planningMessages);
  const s = m.session;
  const [form] = Form.useForm<{ reason: string; action: 'move' | 'cancel' }>();
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<SuspensionResult | null>(null);
  const { fail, modal } = useFeedback();

  const submit = (v: { reason: string; action: 'move' | 'cancel' }) => {
    modal.confirm({
      title: s.suspendTitle,
      content: s.suspendConfirm(session.booked),
      okText: s.suspend,
      okButtonProps: { danger: true },
      cancelText: m.common.cancel,
      onOk: async () => {
        setSaving(true);
        try {
          setResult(await planningApi.suspend(session.id, { reason: v.reason.trim(), action: v.action }));
          onDone();
        } catch (error) {
          showFormError(form, error, fail);
        } finally {
          setSaving(false);
        }
      },
    });
  };

  const close = () => {
    setResult(null);
    onClose();
  };

  if (result) {
    return (
      <Modal open={open} title={s.outcomeTitle} onCancel={close} width={760} destroyOnHidden
        footer={<Button type="primary" onClick={close}>{m.common.close}</Button>}>
        <Alert type={result.cancelled ? 'warning' : 'success'} showIcon style={{ marginBottom: 12 }}
          title={s.outcomeSummary(result.moved, result.cancelled, result.kept)} description={result.waitlistLapsed ? s.waitlistLapsed(result.waitlistLapsed) : undefined} />
        <Table<SuspensionOutcome> rowKey="appointmentId" size="small" pagination={false} dataSource={result.outcomes} scroll={{ y: 400 }}
          columns={[
            { title: s.seq, dataIndex: 'seq', width: 60 },
            { title: s.patient, dataIndex: 'patientName', width: 100 },
            {
              title: s.status, dataIndex: 'outcome', width: 150,
              render: (o: SuspensionOutcome['outcome']) => (o === 'moved' ? <Tag color="green">{s.moved}</Tag> : o === 'cancelled' ? <Tag color="red">{s.cancelledOutcome}</Tag> : <Tag color="orange">{s.kept}</Tag>),
            },
            {
              title: `${s.movedTo} / ${s.offered}`,
              render: (_, o) => (o.moved
                ? `${o.moved.serviceDate} ${hm(o.moved.startsAt)} ${o.moved.practitionerName ?? o.moved.resourceName} · ${s.seq} ${o.moved.seq}`
                : o.options?.length ? o.options.map((x) => `${x.serviceDate} ${hm(x.startsAt)} ${x.practitionerName ?? x.resourceName}`).join('；') : o.outcome === 'cancelled' ? s.noOption : ''),
            },
          ]}
        />
      </Modal>
    );
  }

  return (
    <Modal open={open} title={s.suspendTitle} onCancel={close} onOk={() => form.submit()} okText={s.suspend} okButtonProps={{ danger: true }} cancelText={m.common.cancel} confirmLoading={saving} destroyOnHidden width={560}>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ action: 'move' }} preserve={false}>
        <Form.Item name="reason" label={s.suspendReason} rules={[{ required: true, whitespace: true, message: s.reasonRequired }]}>
          <Input maxLength={200} autoFocus />
        </Form.Item>
        <Form.Item name="action" label={s.suspendAction}>
          <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
            options={[{ value: 'move', label: s.suspendMove }, { value: 'cancel', label: s.suspendCancel }]} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
