import { useEffect, useState } from 'react';
import { Button, Card, Col, Form, InputNumber, Row, Select, Space, Typography } from 'antd';
import { PageHeader } from '@kangyun/web-shell/components/PageHeader';
import { ProblemAlert } from '@kangyun/web-shell/components/ProblemAlert';
import { useRequest } from '@kangyun/web-shell/hooks/useRequest';
import { useFeedback } from '@kangyun/web-shell/feedback';
import { isApiError } from '@kangyun/web-shell/api';
import { useMessages } from '@kangyun/web-shell/i18n';
import { queueApi } from '../api';
import { queueMessages } from '../messages';
import type { PriorityGroup, QueueRule, QueueRuleRow } from '../types';

const GROUPS: PriorityGroup[] = ['emergency', 'military', 'disabled', 'elderly'];

/**
 * 排队规则: the institution's rules and a department's overrides. An empty field inherits (the
 * placeholder shows the value that then applies).
 */
export default function RulesPage() {
  const m = useMessages(queueMessages);
  const r = m.rules;
  const { message, fail } = useFeedback();
  const [departmentId, setDepartmentId] = useState<number | null>(null);
  const departments = useRequest((signal) => queueApi.departments(signal), []);
  const rules = useRequest((signal) => queueApi.rules(departmentId ?? undefined, signal), [departmentId]);
  const [form] = Form.useForm<QueueRuleRow>();
  const [saving, setSaving] = useState(false);

  const own = departmentId ? rules.data?.department : rules.data?.institution;
  useEffect(() => {
    form.resetFields();
    if (own) form.setFieldsValue(own);
  }, [own, form]);

  // what an empty field falls back to: the institution's value for a department, else the defaults
  const inherited: QueueRule | undefined = rules.data
    ? (departmentId ? { ...rules.data.defaults, ...stripNulls(rules.data.institution) } as QueueRule : rules.data.defaults)
    : undefined;
  const ph = (k: keyof QueueRule) => (inherited ? `${r.inherit} ${String(inherited[k] ?? '')}` : '');

  const save = async (values: QueueRuleRow) => {
    setSaving(true);
    try {
      const cleaned = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === undefined || (Array.isArray(v) && !v.length) ? null : v]));
      await queueApi.saveRules({ ...cleaned, departmentId } as QueueRuleRow & { departmentId: number | null });
      message.success(r.saved);
      rules.reload();
    } catch (error) {
      if (isApiError(error) && error.errors?.length) form.setFields(error.errors.map((e) => ({ name: e.field as keyof QueueRuleRow, errors: [e.message] })));
      else fail(error);
    } finally {
      setSaving(false);
    }
  };

  const num = (name: keyof QueueRule, label: string, min: number, max: number) => (
    <Form.Item name={name} label={label}><InputNumber min={min} max={max} placeholder={ph(name)} style={{ width: '100%' }} /></Form.Item>
  );
  const policy = (name: keyof QueueRule, label: string, withFront = false) => (
    <Form.Item name={name} label={label}>
      <Select allowClear placeholder={ph(name)} options={[...(withFront ? [{ value: 'front', label: r.front }] : []), { value: 'after_n', label: r.afterN }, { value: 'end', label: r.end }]} />
    </Form.Item>
  );

  return (
    <>
      <PageHeader title={r.title} subtitle={r.subtitle} />
      <Card style={{ marginBottom: 16 }}>
        <Space>
          <Typography.Text>{r.scope}</Typography.Text>
          <Select style={{ width: 260 }} value={departmentId ?? 0} onChange={(v: number) => setDepartmentId(v || null)}
            options={[{ value: 0, label: r.institution }, ...(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))]} data-testid="rules-scope" />
        </Space>
      </Card>
      <ProblemAlert error={rules.error} onRetry={rules.reload} />
      <Form form={form} layout="vertical" onFinish={save}>
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <Card title={r.grouping} size="small" style={{ marginBottom: 16 }}>
              <Form.Item name="grouping">
                <Select allowClear placeholder={inherited?.grouping ? r.groupingOptions[inherited.grouping] : r.byKind}
                  options={Object.entries(r.groupingOptions).map(([value, label]) => ({ value, label }))} />
              </Form.Item>
            </Card>
            <Card title={r.window} size="small" style={{ marginBottom: 16 }}>
              <Row gutter={12}>
                <Col span={12}>{num('checkinBeforeMinutes', r.before, 0, 1440)}</Col>
                <Col span={12}>{num('checkinAfterMinutes', r.after, 0, 1440)}</Col>
              </Row>
            </Card>
            <Card title={r.late} size="small" style={{ marginBottom: 16 }}>
              <Row gutter={12}>
                <Col span={8}>{num('lateGraceMinutes', r.grace, 0, 720)}</Col>
                <Col span={8}>{policy('latePolicy', r.latePolicy)}</Col>
                <Col span={8}>{num('lateAfterN', r.n, 0, 100)}</Col>
              </Row>
            </Card>
            <Card title={r.priority} size="small" style={{ marginBottom: 16 }}>
              <Form.Item name="priorityGroups">
                <Select mode="multiple" allowClear placeholder={(inherited?.priorityGroups ?? []).map((g) => m.priority[g]).join(' > ')}
                  options={GROUPS.map((g) => ({ value: g, label: m.priority[g] }))} />
              </Form.Item>
              {num('elderlyAge', r.elderlyAge, 50, 120)}
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title={r.missed} size="small" style={{ marginBottom: 16 }}>
              <Row gutter={12}>
                <Col span={12}>{num('missedAfterCalls', r.missedAfter, 1, 10)}</Col>
                <Col span={12}>{num('skipRequeueAfterN', r.skipAfter, 0, 100)}</Col>
                <Col span={12}>{policy('missedRejoinPolicy', r.rejoin)}</Col>
                <Col span={12}>{num('missedRejoinAfterN', r.n, 0, 100)}</Col>
              </Row>
            </Card>
            <Card title={r.returnVisit} size="small" style={{ marginBottom: 16 }}>
              <Row gutter={12}>
                <Col span={12}>{policy('returnPolicy', r.returnVisit, true)}</Col>
                <Col span={12}>{num('returnAfterN', r.n, 0, 100)}</Col>
              </Row>
            </Card>
            <Card size="small" style={{ marginBottom: 16 }}>
              <Row gutter={12}>
                <Col span={12}>{num('transferAfterN', r.transfer, 0, 100)}</Col>
                <Col span={12}>{num('requeueAfterN', r.requeue, 0, 100)}</Col>
              </Row>
            </Card>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="rules-save">{m.save}</Button>
      </Form>
    </>
  );
}

function stripNulls<T extends object>(row: T | null | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(row ?? {}).filter(([, v]) => v !== null)) as Partial<T>;
}
