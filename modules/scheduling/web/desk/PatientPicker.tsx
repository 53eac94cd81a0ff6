import { Button, Card, Descriptions, Empty, Flex, Input, Tag, Typography, type InputRef } from 'antd';
import { SearchOutlined, SwapOutlined, UserAddOutlined } from '@ant-design/icons';
import { useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { Link } from 'react-router-dom';
import { ProblemAlert } from '@kangyun/web-shell/components/ProblemAlert';
import { useMessages } from '@kangyun/web-shell/i18n';
import { useCan } from '@kangyun/web-shell/session';
import type { ApiError } from '@kangyun/web-shell/api';
import { deskApi } from './api';
import { deskMessages } from './messages';
import type { PatientSummary } from './types';

/**
 * Finds the patient at the desk: any of name, pinyin initials, ID number, mobile or MRN (the
 * patient index decides which). One match is taken at once; several are listed as buttons so
 * arrow keys, Tab and Enter pick one; none offers registration.
 */
export function PatientPicker({ patient, onSelect, inputRef }: { patient: PatientSummary | null; onSelect: (p: PatientSummary | null) => void; inputRef: Ref<InputRef> }) {
  const m = useMessages(deskMessages);
  const can = useCan();
  const [text, setText] = useState('');
  const [results, setResults] = useState<PatientSummary[] | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError>();
  const listRef = useRef<HTMLDivElement>(null);

  const search = async (q: string) => {
    const query = q.trim();
    if (!query) return;
    setLoading(true);
    setError(undefined);
    try {
      const page = await deskApi.searchPatients(query);
      if (page.items.length === 1) {
        setResults(null);
        onSelect(page.items[0]);
      } else {
        setResults(page.items);
        // several matches: the first is focused, arrows move between them
        window.setTimeout(() => listRef.current?.querySelector<HTMLButtonElement>('button')?.focus(), 0);
      }
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setLoading(false);
    }
  };

  const onListKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const buttons = Array.from(listRef.current?.querySelectorAll<HTMLButtonElement>('button[data-patient]') ?? []);
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = buttons[(i + (e.key === 'ArrowDown' ? 1 : buttons.length - 1)) % buttons.length];
    next?.focus();
    e.preventDefault();
  };

  if (patient) {
    return (
      <Card variant="borderless" size="small" title={m.patient} extra={
        <Button size="small" icon={<SwapOutlined />} onClick={() => { onSelect(null); setResults(null); }}>{m.changePatient}</Button>
      }>
        <Flex align="baseline" gap={8} wrap style={{ marginBottom: 8 }}>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="desk-patient-name">{patient.name}</Typography.Title>
          <Tag>{m.sex[patient.sex]}</Tag>
          <Typography.Text type="secondary">{m.age(patient.age)}</Typography.Text>
        </Flex>
        <Descriptions size="small" column={1} items={[
          { key: 'mrn', label: m.mrn, children: patient.mrn },
          { key: 'id', label: m.idNumber, children: patient.idNumberMasked },
          { key: 'mobile', label: m.mobile, children: patient.mobileMasked ?? '—' },
        ]} />
      </Card>
    );
  }

  return (
    <Card variant="borderless" size="small" title={m.patient}>
      <Input.Search
        ref={inputRef}
        autoFocus
        allowClear
        value={text}
        loading={loading}
        onChange={(e) => setText(e.target.value)}
        onSearch={(q) => void search(q)}
        placeholder={m.searchPlaceholder}
        aria-label={m.searchPlaceholder}
        enterButton={<><SearchOutlined /> {m.search}</>}
        data-testid="desk-patient-search"
      />
      <div style={{ marginTop: 12 }}>
        <ProblemAlert error={error} />
        {results && results.length === 0 ? (
          <Empty description={m.noPatient} image={Empty.PRESENTED_IMAGE_SIMPLE}>
            {can('patient.write') ? (
              <Link to="/patients/new"><Button type="primary" icon={<UserAddOutlined />}>{m.registerPatient}</Button></Link>
            ) : null}
          </Empty>
        ) : null}
        {results && results.length > 0 ? (
          <Flex vertical gap={6} ref={listRef} onKeyDown={onListKey} role="listbox" aria-label={m.patient}>
            {results.map((p) => (
              <Button key={p.id} data-patient={p.id} block style={{ height: 'auto', textAlign: 'left', padding: '6px 12px' }} onClick={() => { onSelect(p); setResults(null); }}>
                <Flex justify="space-between" gap={8} style={{ width: '100%' }} wrap>
                  <span><b>{p.name}</b> {m.sex[p.sex]} {m.age(p.age)}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{p.mrn} · {p.idNumberMasked}{p.mobileMasked ? ` · ${p.mobileMasked}` : ''}</Typography.Text>
                </Flex>
              </Button>
            ))}
          </Flex>
        ) : null}
      </div>
    </Card>
  );
}
