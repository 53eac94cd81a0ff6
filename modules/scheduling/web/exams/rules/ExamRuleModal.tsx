import { Alert, Checkbox, Col, Form, Input, InputNumber, Modal, Radio, Row, Select } from 'antd';
import { useEffect, useState } from 'react';
import { isApiError } from '@kangyun/web-shell/api';
import { useFeedback } from '@kangyun/web-shell/feedback';
import { useMessages } from '@kangyun/web-shell/i18n';
import { examsApi } from '../api';
import { examMessages } from '../messages';
import { MODALITIES, RULE_KINDS, type ExamFlag, type ExamItem, type ExamRule, type ExamRuleInput, type Modality, type PatientClass, type RuleKind, type Selector } from '../types';

type By = 'itemId' | 'modality' | 'flag';
interface Values {
  kind: RuleKind;
  aBy: By;
  aValue?: number | string;
  bBy: By;
  bValue?: number | string;
  sameDay: boolean;
  minGapMinutes: number;
  patientClass?: PatientClass;
  timeFrom?: string;
  timeTo?: string;
  description: string;
  active: boolean;
}

const SINGLE: RuleKind[] = ['morning_only', 'priority'];
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function bySelector(s: Selector | null): [By, number | string | undefined] {
  if (s?.itemId) return ['itemId', s.itemId];
  if (s?.modality) return ['modality', s.modality];
  if (s?.flag) return ['flag', s.flag];
  return ['itemId', undefined];
}

function toSelector(by: By, value: number | string | undefined): Selector {
  if (by === 'itemId') return { itemId: value as number };
  if (by === 'modality') return { modality: value as Modality };
  return { flag: value as ExamFlag };
}

/** the server names rule sides 'a', 'a.itemId', 'b' …; the form edits them as aValue / bValue */
const formField = (field: string) => (field.startsWith('a') && field !== 'active' ? 'aValue' : field.startsWith('b') ? 'bValue' : field);

/** add or edit one rule; which fields show depends on the kind */
export function ExamRuleModal({ rule, items, onClose, onSaved }: { rule: ExamRule | 'new' | null; items: ExamItem[]; onClose: () => void; onSaved: () => void }) {
  const m = useMessages(examMessages);
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { message, fail } = useFeedback();
  const kind = Form.useWatch('kind', form);
  const aBy = Form.useWatch('aBy', form);
  const bBy = Form.useWatch('bBy', form);

  useEffect(() => {
    if (!rule) return;
    form.resetFields();
    if (rule === 'new') {
      form.setFieldsValue({ kind: 'order', aBy: 'itemId', bBy: 'itemId', sameDay: true, minGapMinutes: 0, active: true });
    } else {
      const [aB, aV] = bySelector(rule.a);
      const [bB, bV] = bySelector(rule.b);
      form.setFieldsValue({
        kind: rule.kind, aBy: aB, aValue: aV, bBy: bB, bValue: bV, sameDay: rule.sameDay, minGapMinutes: rule.minGapMinutes,
        patientClass: rule.patientClass ?? undefined, timeFrom: rule.timeFrom ?? undefined, timeTo: rule.timeTo ?? undefined,
        description: rule.description, active: rule.active,
      });
    }
  }, [rule, form]);

  const valueOptions = (by: By | undefined): { value: number | string; label: string }[] => {
    if (by === 'modality') return MODALITIES.map((x) => ({ value: x, label: m.modality[x] }));
    if (by === 'flag') return (['contrast', 'fasting'] as ExamFlag[]).map((x) => ({ value: x, label: m.flag[x] }));
    return items.filter((i) => i.active).map((i) => ({ value: i.id, label: `${i.name}（${m.modality[i.modality]}）` }));
  };

  const submit = async (v: Values) => {
    if (!rule) return;
    const single = SINGLE.includes(v.kind);
    const body: ExamRuleInput = {
      kind: v.kind, a: toSelector(v.aBy, v.aValue), b: single ? null : toSelector(v.bBy, v.bValue),
      sameDay: v.kind === 'order' ? v.sameDay : false, minGapMinutes: v.minGapMinutes ?? 0,
      patientClass: v.kind === 'priority' ? (v.patientClass ?? null) : null,
      timeFrom: v.kind === 'priority' ? (v.timeFrom ?? null) : null, timeTo: v.kind === 'priority' ? (v.timeTo ?? null) : null,
      description: v.description.trim(), active: v.active,
    };
    setSaving(true);
    try {
      if (rule === 'new') await examsApi.createRule(body);
      else await examsApi.updateRule(rule.id, { ...body, version: rule.version });
      message.success(m.saved);
      onSaved();
    } catch (error) {
      if (isApiError(error) && error.errors?.length) {
        form.setFields(error.errors.map((e) => ({ name: formField(e.field) as keyof Values, errors: [e.message] })));
      } else fail(error);
    } finally {
      setSaving(false);
    }
  };

  const side = (label: string, byName: 'aBy' | 'bBy', valueName: 'aValue' | 'bValue', by: By | undefined) => (
    <Row gutter={12}>
      <Col span={10}>
        <Form.Item name={byName} label={label}>
          <Radio.Group optionType="button" size="small" onChange={() => form.setFieldValue(valueName, undefined)}
            options={(['itemId', 'modality', 'flag'] as By[]).map((x) => ({ value: x, label: m.sideBy[x] }))} />
        </Form.Item>
      </Col>
      <Col span={14}>
        <Form.Item name={valueName} label=" " rules={[{ required: true, message: m.required }]}>
          <Select showSearch optionFilterProp="label" options={valueOptions(by)} />
        </Form.Item>
      </Col>
    </Row>
  );

  return (
    <Modal open={rule !== null} title={rule === 'new' ? m.newRule : m.editRule} onCancel={onClose} onOk={() => form.submit()}
      confirmLoading={saving} width={640} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional" preserve={false}>
        <Form.Item name="kind" label={m.kind} rules={[{ required: true, message: m.required }]}>
          <Select options={RULE_KINDS.map((k) => ({ value: k, label: m.kinds[k] }))} />
        </Form.Item>
        {kind ? <Alert type="info" showIcon title={m.kindHelp[kind]} style={{ marginBottom: 16 }} /> : null}
        {side(m.sideA, 'aBy', 'aValue', aBy)}
        {kind && !SINGLE.includes(kind) ? side(m.sideB, 'bBy', 'bValue', bBy) : null}
        <Row gutter={12}>
          {kind === 'order' ? (
            <Col span={12}>
              <Form.Item name="sameDay" valuePropName="checked" extra={m.sameDayHelp}><Checkbox>{m.sameDay}</Checkbox></Form.Item>
            </Col>
          ) : null}
          {kind === 'order' || kind === 'min_interval' ? (
            <Col span={12}>
              <Form.Item name="minGapMinutes" label={m.gapMinutes} extra={m.gapExtra}>
                <InputNumber min={0} max={43200} step={30} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ) : null}
          {kind === 'priority' ? (
            <>
              <Col span={8}>
                <Form.Item name="patientClass" label={m.priorityClass} rules={[{ required: true, message: m.required }]}>
                  <Select options={(['inpatient', 'outpatient'] as PatientClass[]).map((x) => ({ value: x, label: m.patientClass[x] }))} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="timeFrom" label={m.timeFrom} rules={[{ required: true, message: m.required }, { pattern: TIME, message: 'HH:MM' }]}>
                  <Input placeholder="08:00" maxLength={5} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="timeTo" label={m.timeTo} rules={[{ required: true, message: m.required }, { pattern: TIME, message: 'HH:MM' }]}>
                  <Input placeholder="09:00" maxLength={5} />
                </Form.Item>
              </Col>
            </>
          ) : null}
        </Row>
        <Form.Item name="description" label={m.description} extra={m.descriptionHelp} rules={[{ required: true, whitespace: true, message: m.required }]}>
          <Input maxLength={200} showCount />
        </Form.Item>
        <Form.Item name="active" valuePropName="checked" noStyle><Checkbox>{m.active}</Checkbox></Form.Item>
      </Form>
    </Modal>
  );
}
