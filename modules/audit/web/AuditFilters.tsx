import { AutoComplete, Button, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo } from 'react';
import { useEnterToNext } from '@kangyun/web-shell/hooks/useEnterToNext';
import { useMessages } from '@kangyun/web-shell/i18n';
import { auditMessages } from './messages';
import { useActionLabel } from './useActionLabel';
import { rangePickerValue, recentDayPresets } from '@kangyun/web-shell/forms';

export interface AuditFilterValues {
  from?: string;
  to?: string;
  user?: string;
  action?: string;
  patientId?: string;
  outcome?: string;
  q?: string;
}

interface FormValues {
  range?: [Dayjs | null, Dayjs | null] | null;
  user?: string;
  action?: string;
  patientId?: string;
  outcome?: string;
  q?: string;
}

function toForm(v: AuditFilterValues): FormValues {
  return {
    range: rangePickerValue(v.from, v.to),
    user: v.user,
    action: v.action,
    patientId: v.patientId,
    outcome: v.outcome,
    q: v.q,
  };
}

function fromForm(v: FormValues): AuditFilterValues {
  const trim = (s?: string) => s?.trim() || undefined;
  return {
    from: v.range?.[0]?.toISOString(),
    to: v.range?.[1]?.toISOString(),
    user: trim(v.user),
    action: trim(v.action),
    patientId: trim(v.patientId),
    outcome: v.outcome || undefined,
    q: trim(v.q),
  };
}

export function AuditFilters({ value, knownActions, onChange }: { value: AuditFilterValues; knownActions: string[]; onChange: (value: AuditFilterValues) => void }) {
  const m = useMessages(auditMessages);
  const actionLabel = useActionLabel();
  const [form] = Form.useForm<FormValues>();
  const onKeyDown = useEnterToNext(() => form.submit());
  const valueKey = JSON.stringify(value);

  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(toForm(value));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [valueKey]);

  const actionOptions = useMemo(() => {
    const codes = Array.from(new Set([...knownActions, ...Object.keys(m.actions)])).sort();
    return codes.map((code) => ({ value: code, label: `${actionLabel(code)}（${code}）` }));
  }, [knownActions, m.actions, actionLabel]);

  const presets = recentDayPresets(m);

  return (
    <Form form={form} layout="vertical" onFinish={(v) => onChange(fromForm(v))} onKeyDownCapture={onKeyDown} className="audit-filters">
      <Row gutter={12}>
        <Col xs={24} md={12} xl={8}>
          <Form.Item name="range" label={m.timeRange} tooltip={m.defaultRange}>
            <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowEmpty={[true, true]} presets={presets} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Form.Item name="user" label={m.user}>
            <Input placeholder={m.userPlaceholder} allowClear />
          </Form.Item>
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Form.Item name="outcome" label={m.outcome}>
            <Select
              allowClear
              placeholder={m.allOutcomes}
              options={(['success', 'failure'] as const).map((o) => ({ value: o, label: m.outcomes[o] }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Form.Item name="action" label={m.action}>
            <AutoComplete allowClear placeholder={m.actionPlaceholder} options={actionOptions} showSearch={{ filterOption: (input, option) => String(option?.label ?? '').toLowerCase().includes(input.toLowerCase()) }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Form.Item name="patientId" label={m.patientId} rules={[{ pattern: /^\d+$/, message: m.patientIdInvalid }]}>
            <Input allowClear />
          </Form.Item>
        </Col>
        <Col xs={12} md={6} xl={8}>
          <Form.Item name="q" label={m.keyword}>
            <Input allowClear placeholder={m.keywordPlaceholder} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={12} style={{ display: 'flex', alignItems: 'flex-end', gap: 8, paddingBottom: 24, justifyContent: 'flex-end' }}>
          <Button
            onClick={() => {
              form.resetFields();
              onChange({});
            }}
          >
            {m.reset}
          </Button>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
            {m.search}
          </Button>
        </Col>
      </Row>
    </Form>
  );
}
