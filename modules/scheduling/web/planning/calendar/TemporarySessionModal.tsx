import { Col, DatePicker, Divider, Form, Input, InputNumber, Modal, Radio, Row, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useFeedback } from '@kangyun/web-shell/feedback';
import { useEnterToNext } from '@kangyun/web-shell/hooks/useEnterToNext';
import { useRequest } from '@kangyun/web-shell/hooks/useRequest';
import { useMessages } from '@kangyun/web-shell/i18n';
import { planningApi } from '../api';
import { showFormError } from '../common/forms';
import { PractitionerSelect, QuotaInputs, ResourceSelect, cleanQuotas } from '../common/pickers';
import { fromTime, toTime, today } from '../common/time';
import { planningMessages } from '../messages';
import { PERIOD_HOURS } from '../templates/TemplateModal';
import { PERIODS, type Period } from '../types';

interface Values {
  resourceId: number;
  serviceDate: Dayjs;
  period: Period;
  startTime: Dayjs;
  endTime: Dayjs;
  capacity: number;
  segmentMinutes: number;
  channelQuotas: Record<string, number | null>;
  reservedFollowup: number;
  reservedReferral: number;
  fee?: number | null;
  room?: string | null;
  practitionerId?: number | null;
}

/** 临时排班: one extra session outside the weekly plan */
export function TemporarySessionModal({ open, departmentId, onClose, onCreated }: { open: boolean; departmentId?: number; onClose: () => void; onCreated: (id: number) => void }) {
  const m = useMessages(planningMessages);
  const t = m.templates;
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { message, fail } = useFeedback();
  const onKeyDown = useEnterToNext(() => form.submit());
  const resources = useRequest((signal) => planningApi.resources({ departmentId, active: true }, signal), [departmentId], { enabled: open });
  const resourceId = Form.useWatch('resourceId', form);
  const resource = resources.data?.find((r) => r.id === resourceId);

  useEffect(() => {
    if (open) form.setFieldsValue({ serviceDate: dayjs(today()).add(1, 'day'), period: 'am', startTime: toTime('08:00')!, endTime: toTime('12:00')!, capacity: 20, segmentMinutes: 30, channelQuotas: {}, reservedFollowup: 0, reservedReferral: 0 });
  }, [open, form]);

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      const made = await planningApi.createSession({
        ...v, serviceDate: v.serviceDate.format('YYYY-MM-DD'), startTime: fromTime(v.startTime), endTime: fromTime(v.endTime),
        channelQuotas: cleanQuotas(v.channelQuotas), room: v.room?.trim() || null,
      });
      message.success(m.temporary.created);
      onCreated(made.id);
    } catch (error) {
      showFormError(form, error, fail);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open={open} title={m.temporary.title} onCancel={onClose} onOk={() => form.submit()} okText={m.common.save} cancelText={m.common.cancel} confirmLoading={saving} destroyOnHidden width={720}>
      <Form form={form} layout="vertical" onFinish={submit} onKeyDownCapture={onKeyDown} preserve={false}>
        <Row gutter={12}>
          <Col xs={24} md={14}>
            <Form.Item name="resourceId" label={t.resource} rules={[{ required: true, message: m.temporary.resourceRequired }]}>
              <ResourceSelect resources={resources.data ?? []} />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="serviceDate" label={m.temporary.date} rules={[{ required: true, message: m.temporary.dateRequired }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(today()), 'day')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="period" label={t.period}>
              <Radio.Group optionType="button" options={PERIODS.map((p) => ({ value: p, label: m.period[p] }))}
                onChange={(e) => form.setFieldsValue({ startTime: toTime(PERIOD_HOURS[e.target.value as Period][0])!, endTime: toTime(PERIOD_HOURS[e.target.value as Period][1])! })} />
            </Form.Item>
          </Col>
          <Col xs={12} md={7}>
            <Form.Item name="startTime" label={t.start} rules={[{ required: true }]}><TimePicker format="HH:mm" minuteStep={5} needConfirm={false} style={{ width: '100%' }} /></Form.Item>
          </Col>
          <Col xs={12} md={7}>
            <Form.Item name="endTime" label={t.end} rules={[{ required: true }]}><TimePicker format="HH:mm" minuteStep={5} needConfirm={false} style={{ width: '100%' }} /></Form.Item>
          </Col>
          <Col xs={12} md={6}><Form.Item name="capacity" label={t.capacity} rules={[{ required: true }]}><InputNumber min={0} max={500} style={{ width: '100%' }} /></Form.Item></Col>
          {resource?.kind !== 'exam' ? (
            <>
              <Col xs={12} md={6}><Form.Item name="segmentMinutes" label={t.segment}><InputNumber min={5} max={240} step={5} style={{ width: '100%' }} /></Form.Item></Col>
              <Col xs={12} md={6}><Form.Item name="reservedFollowup" label={t.followup}><InputNumber min={0} max={500} style={{ width: '100%' }} /></Form.Item></Col>
              <Col xs={12} md={6}><Form.Item name="reservedReferral" label={t.referral}><InputNumber min={0} max={500} style={{ width: '100%' }} /></Form.Item></Col>
              <Col xs={12} md={8}><Form.Item name="fee" label={t.fee} tooltip={t.feeHint}><InputNumber min={0} max={100000} precision={2} style={{ width: '100%' }} /></Form.Item></Col>
              <Col xs={24} md={16}>
                <Form.Item name="practitionerId" label={m.session.doctor}><PractitionerSelect departmentId={resource?.departmentId} /></Form.Item>
              </Col>
            </>
          ) : null}
          <Col span={24}><Form.Item name="room" label={m.session.room}><Input maxLength={100} placeholder={resource?.room ?? ''} /></Form.Item></Col>
        </Row>
        <Divider titlePlacement="start" plain>{t.quotas}</Divider>
        <QuotaInputs />
      </Form>
    </Modal>
  );
}
