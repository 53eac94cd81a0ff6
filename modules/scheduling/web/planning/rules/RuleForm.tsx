import { Button, Col, Divider, Form, InputNumber, Row, Select, TimePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useFeedback } from '@kangyun/web-shell/feedback';
import { useEnterToNext } from '@kangyun/web-shell/hooks/useEnterToNext';
import { useMessages } from '@kangyun/web-shell/i18n';
import { showFormError } from '../common/forms';
import { fromTime, toTime } from '../common/time';
import { planningMessages } from '../messages';
import type { BookingRule, RuleFields, RuleScope } from '../types';

type NumberField = Exclude<keyof BookingRule, 'releaseTime' | 'sex' | 'realNameRequired' | 'addOnPolicy'>;
const RANGES: Record<NumberField, [number, number]> = {
  daysAhead: [0, 90], cutoffMinutes: [0, 1440], cancelDeadlineMinutes: [0, 10080], maxPerPatientDay: [1, 20], maxPerPatientDepartmentDay: [1, 20],
  maxPerPatientDoctorDay: [1, 20], minAge: [0, 150], maxAge: [0, 150], noshowLimit: [1, 100], noshowWindowDays: [1, 3650], noshowBlockDays: [1, 3650],
  reserveReleaseMinutes: [0, 20160], addOnMax: [0, 100], holdMinutes: [1, 60],
};
const GROUPS: { key: 'window' | 'limits' | 'who' | 'noshow' | 'numbers'; fields: (keyof BookingRule)[] }[] = [
  { key: 'window', fields: ['daysAhead', 'releaseTime', 'cutoffMinutes', 'cancelDeadlineMinutes'] },
  { key: 'limits', fields: ['maxPerPatientDay', 'maxPerPatientDepartmentDay', 'maxPerPatientDoctorDay'] },
  { key: 'who', fields: ['sex', 'minAge', 'maxAge', 'realNameRequired'] },
  { key: 'noshow', fields: ['noshowLimit', 'noshowWindowDays', 'noshowBlockDays'] },
  { key: 'numbers', fields: ['reserveReleaseMinutes', 'holdMinutes', 'addOnPolicy', 'addOnMax'] },
];

type Values = Omit<RuleFields, 'releaseTime'> & { releaseTime: Dayjs | null };

/**
 * One rule row (the institution's or a department's). An empty field is not set at this level:
 * its placeholder shows what applies instead (the institution's value or the default).
 */
export function RuleForm({ scope, manage, onSave }: { scope: RuleScope; manage: boolean; onSave: (body: Partial<RuleFields>) => Promise<void> }) {
  const m = useMessages(planningMessages);
  const r = m.rules;
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { fail } = useFeedback();
  const onKeyDown = useEnterToNext(() => form.submit());

  useEffect(() => {
    form.resetFields();
    form.setFieldsValue({ ...scope.rule, releaseTime: toTime(scope.rule.releaseTime) });
  }, [scope, form]);

  const shown = (field: keyof BookingRule, v: unknown): string => {
    if (v === null || v === undefined) return field === 'sex' ? r.sex.any : '—';
    if (field === 'sex') return r.sex[String(v)];
    if (field === 'addOnPolicy') return r.addOn[String(v)];
    if (field === 'realNameRequired') return v ? m.common.yes : m.common.no;
    return String(v);
  };
  const placeholder = (field: keyof BookingRule) => r.inheritHint(shown(field, scope.inherited[field]));

  const input = (field: keyof BookingRule) => {
    if (field === 'releaseTime') return <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} placeholder={placeholder(field)} style={{ width: '100%' }} disabled={!manage} />;
    if (field === 'sex') return <Select allowClear placeholder={placeholder(field)} disabled={!manage} options={(['male', 'female'] as const).map((v) => ({ value: v, label: r.sex[v] }))} />;
    if (field === 'realNameRequired') return <Select allowClear placeholder={placeholder(field)} disabled={!manage} options={[{ value: true, label: m.common.yes }, { value: false, label: m.common.no }]} />;
    if (field === 'addOnPolicy') return <Select allowClear placeholder={placeholder(field)} disabled={!manage} options={(['none', 'doctor', 'doctor_and_desk'] as const).map((v) => ({ value: v, label: r.addOn[v] }))} />;
    const [min, max] = RANGES[field as NumberField];
    return <InputNumber min={min} max={max} precision={0} placeholder={placeholder(field)} style={{ width: '100%' }} disabled={!manage} />;
  };

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      const body = Object.fromEntries(Object.entries({ ...v, releaseTime: fromTime(v.releaseTime) }).map(([k, x]) => [k, x === undefined || x === '' ? null : x])) as Partial<RuleFields>;
      await onSave(body);
    } catch (error) {
      showFormError(form, error, fail);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} onKeyDownCapture={onKeyDown}>
      {GROUPS.map((g) => (
        <div key={g.key}>
          <Divider titlePlacement="start" plain>{r.groups[g.key]}</Divider>
          <Row gutter={16}>
            {g.fields.map((f) => (
              <Col key={f} xs={24} sm={12} lg={6}>
                <Form.Item name={f} label={r.fields[f]} tooltip={f === 'daysAhead' || f === 'releaseTime' ? r.releaseHint : f.startsWith('noshow') ? r.noshowHint : undefined}>
                  {input(f)}
                </Form.Item>
              </Col>
            ))}
          </Row>
        </div>
      ))}
      {manage ? <Button type="primary" htmlType="submit" loading={saving}>{m.common.save}</Button> : null}
    </Form>
  );
}
