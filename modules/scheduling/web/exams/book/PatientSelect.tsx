import { Button, Card, Empty, Flex, Input, Tag, Typography } from 'antd';
import { SearchOutlined, SwapOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { ProblemAlert } from '@kangyun/web-shell/components/ProblemAlert';
import type { ApiError } from '@kangyun/web-shell/api';
import { useMessages } from '@kangyun/web-shell/i18n';
import { examsApi } from '../api';
import { examMessages } from '../messages';
import type { PatientSummary } from '../types';

/** finds the patient by anything the patient index understands; one match is taken at once */
export function PatientSelect({ patient, onSelect }: { patient: PatientSummary | null; onSelect: (p: PatientSummary | null) => void }) {
  const m = useMessages(examMessages);
  const [text, setText] = useState('');
  const [results, setResults] = useState<PatientSummary[] | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError>();

  const search = async (q: string) => {
    if (!q.trim()) return;
    setLoading(true);
    setError(undefined);
    try {
      const page = await examsApi.searchPatients(q.trim());
      if (page.items.length === 1) { onSelect(page.items[0]); setResults(null); } else setResults(page.items);
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setLoading(false);
    }
  };

  if (patient) {
    return (
      <Card size="small" variant="borderless" title={m.patient}
        extra={<Button size="small" icon={<SwapOutlined />} onClick={() => { onSelect(null); setResults(null); }}>{m.changePatient}</Button>}>
        <Flex align="baseline" gap={8} wrap>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="exam-patient-name">{patient.name}</Typography.Title>
          <Tag>{m.sex[patient.sex]}</Tag>
          <Typography.Text type="secondary">{m.age(patient.age)}</Typography.Text>
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{patient.mrn} · {patient.idNumberMasked}</Typography.Text>
      </Card>
    );
  }

  return (
    <Card size="small" variant="borderless" title={m.patient}>
      <Input.Search autoFocus allowClear value={text} loading={loading} onChange={(e) => setText(e.target.value)} onSearch={(q) => void search(q)}
        placeholder={m.searchPatient} aria-label={m.searchPatient} enterButton={<><SearchOutlined /> {m.search}</>} data-testid="exam-patient-search" />
      <div style={{ marginTop: 12 }}>
        <ProblemAlert error={error} />
        {results && results.length === 0 ? <Empty description={m.noPatient} image={Empty.PRESENTED_IMAGE_SIMPLE} /> : null}
        {results && results.length > 0 ? (
          <Flex vertical gap={6}>
            {results.map((p) => (
              <Button key={p.id} block style={{ height: 'auto', textAlign: 'left', padding: '6px 12px' }} onClick={() => { onSelect(p); setResults(null); }}>
                <Flex justify="space-between" gap={8} style={{ width: '100%' }} wrap>
                  <span><b>{p.name}</b> {m.sex[p.sex]} {m.age(p.age)}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{p.mrn} · {p.idNumberMasked}</Typography.Text>
                </Flex>
              </Button>
            ))}
          </Flex>
        ) : null}
      </div>
    </Card>
  );
}
