import { Col, Form, InputNumber, Modal, Row, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useFeedback } from '@kangyun/web-shell/feedback';
import { useEnterToNext } from '@kangyun/web-shell/hooks/useEnterToNext';
import { useMessages } from '@kangyun/web-shell/i18n';
import { planningApi } from '../api';
import { showFormError } from '../common/forms';
import { QuotaInputs, cleanQuotas } from '../common/pickers';
import { planningMessages } from '../messages';
import { CHANNELS, type PoolSlot, type PoolView, type SessionSummary } from '../types';

const KEEP = '__keep';
const NONE = '__none';

function useChannelOptions(withKeep: boolean) {
  const m = useMessages(planningMessages);
  return [
    ...(withKeep ? [{ value: KEEP, label: m.session.keep }] : []),
    { value: NONE, label: m.session.sharedNumber },
    ...CHANNELS.map((c) => ({ value: c, label: m.channel[c] })),
  ];
}

function useReservationOptions(withKeep: boolean) {
  const m = useMessages(planningMessages);
  return [
    ...(withKeep ? [{ value: KEEP, label: m.session.keep }] : []),
    { value: NONE, label: m.session.noReservation },
    { value: 'followup', label: m.reserved.followup },
    { value: 'referral', label: m.reserved.referral },
  ];
}

const pick = (v: string) => (v === KEEP ? undefined : v === NONE ? null : v);

interface ModalProps { session: SessionSummary; open: boolean; onClose: () => void; onDone: (view: PoolView) => void }

/** 加号源: numbers appended after the last one */
export function AddNumbersModal({ session, open, onClose, onDone }: ModalProps) {
  const m = useMessages(planningMessages);
  const [form] = Form.useForm<{ count: number; channel: string; reservedFor: string }>();
  const [saving, setSaving] = useState(false);
  const { fail } = useFeedback();
  const onKeyDown = useEnterToNext(() => form.submit());
  const channels = useChannelOptions(false);
  const reservations = useReservationOptions(false);
  useEffect(() => { if (open) form.setFieldsValue({ count: 1, channel: NONE, reservedFor: NONE }); }, [open, form]);
  const submit = async (v: { count: number; channel: string; reservedFor: string }) => {
    setSaving(true);
    try {
      onDone(await planningApi.addNumbers(session.id, { count: v.count, channel: pick(v.channel), reservedFor: pick(v.reservedFor) }));
    } catch (error) {
      showFormError(form, error, fail);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open={open} title={m.session.addNumbers} onCancel={onClose} onOk={() => form.submit()} okText={m.common.save} cancelText={m.common.cancel} confirmLoading={saving} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} onKeyDownCapture={onKeyDown} preserve={false}>
        <Form.Item name="count" label={m.session.count} rules={[{ required: true }]}><InputNumber min={1} max={100} autoFocus style={{ width: 160 }} /></Form.Item>
        <Form.Item name="channel" label={m.session.channel}><Select options={channels} /></Form.Item>
        <Form.Item name="reservedFor" label={m.session.reservation}><Select options={reservations} /></Form.Item>
      </Form>
    </Modal>
  );
}

/** change the channel and/or reservation of the selected free numbers */
export function RelabelModal({ session, open, seqs, onClose, onDone }: ModalProps & { seqs: number[] }) {
  const m = useMessages(planningMessages);
  const [form] = Form.useForm<{ channel: string; reservedFor: string }>();
  const [saving, setSaving] = useState(false);
  const { fail } = useFeedback();
  const channels = useChannelOptions(true);
  const reservations = useReservationOptions(true);
  useEffect(() => { if (open) form.setFieldsValue({ channel: KEEP, reservedFor: KEEP }); }, [open, form]);
  const submit = async (v: { channel: string; reservedFor: string }) => {
    setSaving(true);
    try {
      const body: Record<string, unknown> = { seqs };
      if (v.channel !== KEEP) body.channel = pick(v.channel);
      if (v.reservedFor !== KEEP) body.reservedFor = pick(v.reservedFor);
      onDone(await planningApi.labelNumbers(session.id, body));
    } catch (error) {
      showFormError(form, error, fail);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open={open} title={`${m.session.relabel} · ${m.session.selected(seqs.length)}`} onCancel={onClose} onOk={() => form.submit()} okText={m.common.save} cancelText={m.common.cancel} confirmLoading={saving} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item name="channel" label={m.session.channel}><Select options={channels} autoFocus /></Form.Item>
        <Form.Item name="reservedFor" label={m.session.reservation}><Select options={reservations} /></Form.Item>
      </Form>
    </Modal>
  );
}

/** 调整配额: how many numbers each channel and reservation gets; booked numbers keep theirs */
export function QuotasModal({ session, slots, open, onClose, onDone }: ModalProps & { slots: PoolSlot[] }) {
  const m = useMessages(planningMessages);
  const t = m.templates;
  const [form] = Form.useForm<{ channelQuotas: Record<string, number | null>; reservedFollowup: number; reservedReferral: number; capacity?: number }>();
  const [saving, setSaving] = useState(false);
  const { fail } = useFeedback();
  const onKeyDown = useEnterToNext(() => form.submit());
  const timed = session.kind === 'exam';
  useEffect(() => {
    if (!open) return;
    const pool = slots.filter((s) => s.status !== 'blocked' && !s.addOn);
    const quotas: Record<string, number> = {};
    for (const s of pool) if (s.channel) quotas[s.channel] = (quotas[s.channel] ?? 0) + 1;
    form.setFieldsValue({
      channelQuotas: quotas, reservedFollowup: pool.filter((s) => s.reservedFor === 'followup').length,
      reservedReferral: pool.filter((s) => s.reservedFor === 'referral').length, capacity: session.capacity,
    });
  }, [open, slots, session, form]);
  const submit = async (v: { channelQuotas: Record<string, number | null>; reservedFollowup: number; reservedReferral: number; capacity?: number }) => {
    setSaving(true);
    try {
      onDone(await planningApi.setQuotas(session.id, { ...v, channelQuotas: cleanQuotas(v.channelQuotas), ...(timed ? {} : { capacity: undefined }) }));
    } catch (error) {
      showFormError(form, error, fail);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open={open} title={m.session.quotas} onCancel={onClose} onOk={() => form.submit()} okText={m.common.save} cancelText={m.common.cancel} confirmLoading={saving} destroyOnHidden width={640}>
      <Form form={form} layout="vertical" onFinish={submit} onKeyDownCapture={onKeyDown} preserve={false}>
        <p>{t.quotasHint}</p>
        <QuotaInputs />
        <Row gutter={12}>
          {timed ? (
            <Col span={8}><Form.Item name="capacity" label={t.capacity}><InputNumber min={0} max={500} style={{ width: '100%' }} /></Form.Item></Col>
          ) : (
            <>
              <Col span={8}><Form.Item name="reservedFollowup" label={t.followup}><InputNumber min={0} max={500} style={{ width: '100%' }} /></Form.Item></Col>
              <Col span={8}><Form.Item name="reservedReferral" label={t.referral}><InputNumber min={0} max={500} style={{ width: '100%' }} /></Form.Item></Col>
            </>
          )}
        </Row>
      </Form>
    </Modal>
  );
}
