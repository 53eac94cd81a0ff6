import { Descriptions, Empty, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMessages } from '@kangyun/web-shell/i18n';
import { SexTag } from '../components/SexTag';
import { patientMessages } from '../messages';
import type { Contact, RevealedPatient } from '../types';

function Sensitive({ full, masked }: { full?: string | null; masked?: string | null }) {
  const value = full ?? masked;
  return <span className={`mono${full ? ' revealed' : ''}`}>{value || '—'}</span>;
}

/** Demographics. `revealed` holds the unmasked record after “显示完整信息”. */
export function PatientInfo({ patient, revealed }: { patient: RevealedPatient; revealed: RevealedPatient | null }) {
  const m = useMessages(patientMessages);
  const p = revealed ?? patient;
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, sm: 1, md: 2, xxl: 3 }}
      styles={{ label: { whiteSpace: 'nowrap', width: 1 } }}
      items={[
        { key: 'name', label: m.name, children: <Typography.Text strong>{p.name}</Typography.Text> },
        { key: 'sex', label: m.sex, children: <SexTag sex={p.sex} /> },
        { key: 'birth', label: m.birthDate, children: p.age != null ? m.birthWithAge(p.birthDate, p.age) : p.birthDate },
        { key: 'idType', label: m.idType, children: m.idTypes[p.idType] ?? p.idType },
        { key: 'idNumber', label: m.idNumber, children: <Sensitive full={revealed?.idNumber} masked={patient.idNumberMasked} /> },
        { key: 'mobile', label: m.mobile, children: <Sensitive full={revealed?.mobile} masked={patient.mobileMasked} /> },
        { key: 'address', label: m.address, span: 'filled', children: <Sensitive full={revealed?.address} masked={patient.addressMasked} /> },
        { key: 'mrn', label: m.mrn, children: p.mrn },
        { key: 'regionalId', label: m.regionalId, children: <span className="mono">{p.regionalId}</span> },
        { key: 'created', label: m.createdAt, children: p.createdAt ? dayjs(p.createdAt).format('YYYY-MM-DD HH:mm') : '—' },
        { key: 'updated', label: m.updatedAt, children: p.updatedAt ? dayjs(p.updatedAt).format('YYYY-MM-DD HH:mm') : '—' },
      ]}
    />
  );
}

export function ContactsTable({ contacts }: { contacts: Contact[] }) {
  const m = useMessages(patientMessages);
  if (!contacts?.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m.noContacts} />;
  return (
    <Table<Contact>
      rowKey={(c, i) => `${c.name}-${i}`}
      size="small"
      pagination={false}
      dataSource={contacts}
      columns={[
        { title: m.contactName, dataIndex: 'name' },
        { title: m.relationship, dataIndex: 'relationship' },
        { title: m.phone, dataIndex: 'phone', render: (v: string) => <span className="mono">{v}</span> },
      ]}
    />
  );
}
