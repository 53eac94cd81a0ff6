import { Col, Form, InputNumber, Row, Select } from 'antd';
import { useMemo } from 'react';
import { useRequest } from '@kangyun/web-shell/hooks/useRequest';
import { useMessages } from '@kangyun/web-shell/i18n';
import { planningApi } from '../api';
import { planningMessages } from '../messages';
import { CHANNELS, type Resource } from '../types';

/** every department of the institution (resources can be added to any) */
export function DepartmentSelect({ value, onChange, allowClear = true, placeholder, id, style, onlyWithResources }: {
  value?: number | null; onChange?: (v: number | undefined) => void; allowClear?: boolean; placeholder?: string; id?: string;
  style?: React.CSSProperties; onlyWithResources?: boolean;
}) {
  const m = useMessages(planningMessages);
  const { data, loading } = useRequest((signal) => planningApi.departments(signal), []);
  const options = useMemo(() => (data ?? []).filter((d) => !onlyWithResources || d.resources > 0).map((d) => ({ value: d.id, label: d.name })), [data, onlyWithResources]);
  return (
    <Select id={id} value={value ?? undefined} onChange={(v) => onChange?.(v ?? undefined)} options={options} loading={loading} allowClear={allowClear}
      showSearch={{ optionFilterProp: 'label' }} placeholder={placeholder ?? m.common.allDepartments} style={{ minWidth: 180, ...style }} />
  );
}

/** staff of the institution, those of the given department first */
export function PractitionerSelect({ value, onChange, departmentId, id, exclude }: { value?: number | null; onChange?: (v: number | null) => void; departmentId?: number; id?: string; exclude?: number | null }) {
  const { data, loading } = useRequest((signal) => planningApi.practitioners(departmentId, signal), [departmentId]);
  const options = useMemo(() => (data ?? []).filter((p) => p.id !== exclude).map((p) => ({
    value: p.id, label: `${p.name}${p.title ? `（${p.title}）` : ''}${p.departments.length ? ` · ${p.departments.join('、')}` : ''}`,
  })), [data, exclude]);
  return (
    <Select id={id} value={value ?? undefined} onChange={(v) => onChange?.(v ?? null)} options={options} loading={loading} allowClear
      showSearch={{ optionFilterProp: 'label' }} style={{ width: '100%' }} />
  );
}

export function ResourceSelect({ resources, value, onChange, id }: { resources: Resource[]; value?: number; onChange?: (v: number) => void; id?: string }) {
  const m = useMessages(planningMessages);
  const options = resources.filter((r) => r.active).map((r) => ({
    value: r.id, label: `${r.name} · ${r.kind === 'clinic' ? m.level[r.clinicLevel ?? ''] ?? '' : m.modality[r.modality ?? ''] ?? ''}`,
  }));
  return <Select id={id} value={value} onChange={onChange} options={options} showSearch={{ optionFilterProp: 'label' }} style={{ width: '100%' }} />;
}

/** one number input per booking channel, under the form field `channelQuotas` */
export function QuotaInputs() {
  const m = useMessages(planningMessages);
  return (
    <Row gutter={8}>
      {CHANNELS.map((c) => (
        <Col key={c} xs={12} sm={8} md={6}>
          <Form.Item name={['channelQuotas', c]} label={m.channel[c]} style={{ marginBottom: 8 }}>
            <InputNumber min={0} max={500} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      ))}
    </Row>
  );
}

/** sum of a quotas object (empty inputs are undefined or null) */
export function quotaTotal(quotas: Record<string, number | null | undefined> | undefined): number {
  return Object.values(quotas ?? {}).reduce<number>((a, b) => a + (b ?? 0), 0);
}

/** quotas without empty or zero entries, as the API stores them */
export function cleanQuotas(quotas: Record<string, number | null | undefined> | undefined): Record<string, number> {
  return Object.fromEntries(Object.entries(quotas ?? {}).filter(([, n]) => typeof n === 'number' && n > 0)) as Record<string, number>;
}
