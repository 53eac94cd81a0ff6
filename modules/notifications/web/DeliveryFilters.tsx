import { AutoComplete, Button, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useEnterToNext } from '@kangyun/web-shell/hooks/useEnterToNext';
import { useMessages } from '@kangyun/web-shell/i18n';
import { notificationMessages } from './messages';
import { rangePickerValue, recentDayPresets } from '@kangyun/web-shell/forms';

export interface DeliveryFilterValues {
  from?: string;
  to?: string;
  status?: string;
  channel?: string;
  kind?: string;
  patientId?: string;
}

interface FormValues {
  range?: [Dayjs | null, Dayjs | null] | null;
  status?: string;
  channel?: string;
  kind?: string;
  patientId?: string;
}

function toForm(v: DeliveryFilterValues): FormValues {
  return {
    range: rangePickerValue(v.from, v.to),
    status: v.status,
    channel: v.channel,
    kind: v.kind,
    patientId: v.patientId,
  };
}

function fromForm(v: FormValues): DeliveryFilterValues {
  const trim = (s?: string) => s?.trim() || undefined;
  return {
    from: v.range?.[0]?.startOf('minute').toISOString(),
    to: v.range?.[1]?.endOf('minute').toISOString(),
    status: v.status || undefined,
    channel: v.channel || undefined,
    kind: trim(v.kind),
    patientId: trim(v.patientId),
  };
}

export function DeliveryFilters({ value, onChange }: { value: DeliveryFilterValues; onChange: (value: DeliveryFilterValues) => void }) {
  const m = useMessages(notificationMessages);
  const [form] = Form.useForm<FormValues>();
  const onKeyDown = useEnterToNext(() => form.submit());
  const valueKey = JSON.stringify(value);

  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(toForm(value));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [valueKey]);

  const presets = recentDayPresets(m);

  return (
    <Form form={form} layout="vertical" onFinish={(v) => onChange(fromForm(v))} onKeyDownCapture={onKeyDown}>
      <Row gutter={12}>
        <Col xs={24} md={12} xl={8}>
          <Form.Item name="range" label={m.timeRange}>
            <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowEmpty={[true, true]} presets={presets} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Form.Item name="status" label={m.status}>
            <Select allowClear placeholder={m.allStatuses} options={Object.entries(m.statuses).map(([v, label]) => ({ value: v, label }))} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Form.Item name="channel" label={m.channel}>
            <Select allowClear placeholder={m.allChannels} options={Object.entries(m.channels).map(([v, label]) => ({ value: v, label }))} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Form.Item name="kind" label={m.kind}>
            <AutoComplete
              allowClear
              placeholder={m.allKinds}
              options={Object.entries(m.kinds).map(([v, label]) => ({ value: v, label: `${label}（${v}）` }))}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Form.Item name="patientId" label={m.patientId} rules={[{ pattern: /^\d+$/, message: m.patientIdInvalid }]}>
            <Input allowClear />
          </Form.Item>
        </Col>
        <Col xs={24} style={{ display: 'flex', gap: 8, justifyContent: 'flex-end', paddingBottom: 24 }}>
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
