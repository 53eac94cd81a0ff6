import { Table, Typography, type TableColumnsType, type TablePaginationConfig } from 'antd';
import { useMessages } from '@kangyun/web-shell/i18n';
import { SexTag } from '../components/SexTag';
import { patientMessages } from '../messages';
import type { PatientSummary } from '../types';

interface Props {
  items: PatientSummary[];
  loading: boolean;
  pagination: TablePaginationConfig;
  onOpen: (patient: PatientSummary) => void;
}

export function PatientTable({ items, loading, pagination, onOpen }: Props) {
  const m = useMessages(patientMessages);
  const columns: TableColumnsType<PatientSummary> = [
    {
      title: m.name,
      dataIndex: 'name',
      width: 120,
      render: (name: string, p) => (
        <Typography.Link onClick={() => onOpen(p)} strong>
          {name}
        </Typography.Link>
      ),
    },
    { title: m.sex, dataIndex: 'sex', width: 80, render: (sex: PatientSummary['sex']) => <SexTag sex={sex} /> },
    { title: m.birthDate, dataIndex: 'birthDate', width: 120 },
    { title: m.age, dataIndex: 'age', width: 80, render: (age: number | null) => (age == null ? '—' : m.ageValue(age)) },
    { title: m.idNumber, dataIndex: 'idNumberMasked', width: 200, render: (v: string) => <span className="mono">{v || '—'}</span> },
    { title: m.mobile, dataIndex: 'mobileMasked', width: 140, render: (v: string | null) => <span className="mono">{v || '—'}</span> },
    { title: m.mrn, dataIndex: 'mrn', width: 130 },
    { title: m.regionalId, dataIndex: 'regionalId', width: 160, render: (v: string) => <Typography.Text type="secondary">{v}</Typography.Text> },
  ];
  return (
    <Table<PatientSummary>
      rowKey="id"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={pagination}
      scroll={{ x: 1000 }}
      size="middle"
      onRow={(p) => ({ onDoubleClick: () => onOpen(p), style: { cursor: 'pointer' } })}
    />
  );
}
