import { Button, Checkbox, Col, DatePicker, Divider, Form, Input, InputNumber, Modal, Popconfirm, Radio, Row, Select, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useFeedback } from '@kangyun/web-shell/feedback';
import { useEnterToNext } from '@kangyun/web-shell/hooks/useEnterToNext';
import { useMessages } from '@kangyun/web-shell/i18n';
import { planningApi } from '../api';
import { showFormError } from '../common/forms';
import { QuotaInputs, ResourceSelect, cleanQuotas, quotaTotal } from '../common/pickers';
import { fromTime, toTime, today } from '../common/time';
import { planningMessages } from '../messages';
import { PERIODS, WEEKDAYS, type Period, type Resource, type Template } from '../types';

export const PERIOD_HOURS: Record<Period, [string, string]> = { am: ['08:00', '12:00'], pm: ['14:00', '17:30'], night: ['18:00', '21:00'], day: ['08:00', '17:30'] };

interface Values {
  resourceId: number;
  weekday: number;
  period: Period;
  startTime: Dayjs | null;
  endTime: Dayjs | null;
  capacity: number;
  segmentMinutes: number;
  channelQuotas: Record<string, number | null>;
  reservedFollowup: number;
  reservedReferral: number;
  fee: number | null;
  followSeason: boolean;
  runsOnHolidays: boolean;
  validFrom: Dayjs;
  validTo: Dayjs | null;
  active: boolean;
  note: string | null;
}

export type TemplateTarget = { template: Template } | { resourceId: number; weekday: number } | null;

/** edit one weekly template (计划排班) or add one for a resource and weekday */
export function TemplateModal({ target, resources, onClose, onSaved }: { target: TemplateTarget; resources: Resource[]; onClose: () => void; onSaved: () => void }) {
  const m = useMessages(planningMessages);
  const t = m.templates;
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { message, fail } = useFeedback();
  const onKeyDown = useEnterToNext(() => form.submit());
  const editing = target && 'template' in target ? target.template : null;
  const resourceId = Form.useWatch('resourceId', form);
  const isExam = resources.find((r) => r.id === resourceId)?.kind === 'exam';

  useEffect(() => {
    if (!target) return;
    if (editing) {
      form.setFieldsValue({
        ...editing, startTime: toTime(editing.startTime), endTime: toTime(editing.endTime), channelQuotas: editing.channelQuotas,
        validFrom: dayjs(editing.validFrom), validTo: editing.validTo ? dayjs(editing.validTo) : null,
      });
    } else if (target && 'resourceId' in target) {
      const exam = resources.find((r) => r.id === target.resourceId)?.kind === 'exam';
      form.setFieldsValue({
        resourceId: target.resourceId, weekday: target.weekday, period: 'am', startTime: toTime('08:00'), endTime: toTime('12:00'), capacity: exam ? 40 : 30,
        segmentMinutes: 30, channelQuotas: {}, reservedFollowup: 0, reservedReferral: 0, fee: null, followSeason: !exam, runsOnHolidays: false,
        validFrom: dayjs(today()), validTo: null, active: true, note: null,
      });
    }
  }, [target, editing, resources, form]);

  const onPeriod = (p: Period) => {
    if (editing) return;
    form.setFieldsValue({ startTime: toTime(PERIOD_HOURS[p][0]), endTime: toTime(PERIOD_HOURS[p][1]) });
  };

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      const body = {
        ...v, startTime: fromTime(v.startTime), endTime: fromTime(v.endTime), channelQuotas: cleanQuotas(v.channelQuotas),
        validFrom: v.validFrom.format('YYYY-MM-DD'), validTo: v.validTo ? v.validTo.format('YYYY-MM-DD') : null, note: v.note?.trim() || null,
        ...(editing ? { version: editing.version } : {}),
      };
      if (editing) await planningApi.updateTemplate(editing.id, body);
      else await planningApi.createTemplate(body);
      message.success(m.common.saved);
      onSaved();
    } catch (error) {
      showFormError(form, error, fail);
    } finally {
      setSaving(false);
    }
  };

  const remove = async () => {
    if (!editing) return;
    try {
      await planningApi.deleteTemplate(editing.id);
      message.success(m.common.deleted);
      onSaved();
    } catch (error) {
      fail(error);
    }
  };

  const footer = [
    editing ? (
      <Popconfirm key="delete" title={m.common.confirmDelete} onConfirm={remove} okText={m.common.delete} cancelText={m.common.cancel}>
        <Button danger style={{ float: 'left' }}>{m.common.delete}</Button>
      </Popconfirm>
    ) : null,
    <Button key="cancel" onClick={onClose}>{m.common.cancel}</Button>,
    <Button key="save" type="primary" loading={saving} onClick={() => form.submit()}>{m.common.save}</Button>,
  ];

  return (
    <Modal open={!!target} title={editing ? t.editTitle : t.addTitle} onCancel={onClose} footer={footer} destroyOnHidden width={720}>
      <Form form={form} layout="vertical" onFinish={submit} onKeyDownCapture={onKeyDown} preserve={false}>
        <Row gutter={12}>
          <Col span={24}>
            <Form.Item name="resourceId" label={t.resource} rules={[{ required: true }]}>
              <ResourceSelect resources={resources} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="weekday" label={t.weekday} rules={[{ required: true }]}>
              <Select options={WEEKDAYS.map((d) => ({ value: d, label: m.weekday[d] }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="period" label={t.period} rules={[{ required: true }]}>
              <Radio.Group optionType="button" options={PERIODS.map((p) => ({ value: p, label: m.period[p] }))} onChange={(e) => onPeriod(e.target.value)} />
            </Form.Item>
          </Col>
          <Col xs={12} md={5}>
            <Form.Item name="startTime" label={t.start} rules={[{ required: true }]}>
              <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={5}>
            <Form.Item name="endTime" label={t.end} dependencies={['startTime']}
              rules={[{ required: true }, ({ getFieldValue }) => ({
                validator: (_, v: Dayjs | null) => (!v || !getFieldValue('startTime') || v.isAfter(getFieldValue('startTime')) ? Promise.resolve() : Promise.reject(new Error(t.endBeforeStart))),
              })]}>
              <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="capacity" label={t.capacity} rules={[{ required: true }]}>
              <InputNumber min={0} max={500} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          {!isExam ? (
            <>
              <Col xs={12} md={6}>
                <Form.Item name="segmentMinutes" label={t.segment}>
                  <InputNumber min={5} max={240} step={5} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item name="reservedFollowup" label={t.followup}>
                  <InputNumber min={0} max={500} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item name="reservedReferral" label={t.referral}>
                  <InputNumber min={0} max={500} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </>
          ) : null}
        </Row>
        <Divider titlePlacement="start" plain>{t.quotas}</Divider>
        <Form.Item noStyle shouldUpdate>
          {({ getFieldValue }) => {
            const total = quotaTotal(getFieldValue('channelQuotas')) + (isExam ? 0 : (getFieldValue('reservedFollowup') ?? 0) + (getFieldValue('reservedReferral') ?? 0));
            const cap = getFieldValue('capacity') ?? 0;
            return <div style={{ marginBottom: 8, color: total > cap ? '#cf1322' : undefined }}>{total > cap ? t.overQuota(total, cap) : t.quotasHint}</div>;
          }}
        </Form.Item>
        <QuotaInputs />
        <Divider />
        <Row gutter={12}>
          {!isExam ? (
            <Col xs={12} md={6}>
              <Form.Item name="fee" label={t.fee} tooltip={t.feeHint}>
                <InputNumber min={0} max={100000} precision={2} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ) : null}
          <Col xs={12} md={6}>
            <Form.Item name="validFrom" label={t.validFrom} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="validTo" label={t.validTo} tooltip={t.validToHint}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="note" label={t.note}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="followSeason" valuePropName="checked" noStyle><Checkbox>{t.followSeason}</Checkbox></Form.Item>
            <Form.Item name="runsOnHolidays" valuePropName="checked" noStyle><Checkbox>{t.runsOnHolidays}</Checkbox></Form.Item>
            <Form.Item name="active" valuePropName="checked" noStyle><Checkbox>{t.active}</Checkbox></Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
