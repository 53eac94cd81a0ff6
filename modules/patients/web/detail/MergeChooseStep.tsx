import { Button, Empty, Flex, Input, List, Skeleton, Tag, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { api, type Paged } from '@kangyun/web-shell/api';
import { ProblemAlert } from '@kangyun/web-shell/components/ProblemAlert';
import { useRequest } from '@kangyun/web-shell/hooks/useRequest';
import { useMessages } from '@kangyun/web-shell/i18n';
import { patientApi } from '../api';
import { SexTag } from '../components/SexTag';
import { patientMessages } from '../messages';
import { sameId } from '@kangyun/web-shell/types';
import type { DuplicateCandidate, Id, PatientSummary } from '../types';

type Candidate = PatientSummary & { reason?: DuplicateCandidate['reason'] };

export function CandidateLine({ p }: { p: Candidate }) {
  const m = useMessages(patientMessages);
  return (
    <Flex vertical gap={2} style={{ minWidth: 0 }}>
      <Flex gap={8} align="center" wrap>
        <Typography.Text strong>{p.name}</Typography.Text>
        <SexTag sex={p.sex} />
        <Typography.Text type="secondary">{p.birthDate}</Typography.Text>
        {p.reason ? <Tag color={p.reason === 'same_id_number' ? 'red' : 'orange'}>{m.reasons[p.reason]}</Tag> : null}
      </Flex>
      <Typography.Text type="secondary" className="mono" style={{ fontSize: 12 }}>
        {p.idNumberMasked || '—'} · {p.mobileMasked || '—'} · {m.mrn} {p.mrn}
      </Typography.Text>
    </Flex>
  );
}

/** Step 1: pick the other record, from the system's duplicate suggestions or a search. */
export function MergeChooseStep({ patientId, selected, onSelect }: { patientId: Id; selected?: Candidate; onSelect: (p: Candidate) => void }) {
  const m = useMessages(patientMessages);
  const [q, setQ] = useState('');
  const duplicates = useRequest((signal) => patientApi.duplicates(patientId, signal), [patientId]);
  const search = useRequest(
    (signal) => api.get<Paged<PatientSummary>>('/api/patients', { q, page: 1, pageSize: 10 }, signal),
    [q],
    { enabled: q.length > 0 },
  );

  const renderList = (items: Candidate[]) => (
    <List
      size="small"
      dataSource={items.filter((p) => !sameId(p.id, patientId))}
      renderItem={(p) => (
        <List.Item
          actions={[
            <Button key="pick" size="small" type={selected?.id === p.id ? 'primary' : 'default'} icon={selected?.id === p.id ? <CheckOutlined /> : undefined} onClick={() => onSelect(p)}>
              {selected?.id === p.id ? m.chosen : m.choose}
            </Button>,
          ]}
        >
          <CandidateLine p={p} />
        </List.Item>
      )}
    />
  );

  return (
    <Flex vertical gap={12}>
      <Typography.Text strong>{m.mergeCandidates}</Typography.Text>
      <ProblemAlert error={duplicates.error} onRetry={duplicates.reload} />
      {duplicates.loading ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : duplicates.data?.length ? (
        renderList(duplicates.data)
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m.mergeNoCandidates} />
      )}
      <Typography.Text strong>{m.mergeSearch}</Typography.Text>
      <Input.Search allowClear placeholder={m.searchPlaceholder} onSearch={(v) => setQ(v.trim())} enterButton />
      {q ? (search.loading ? <Skeleton active paragraph={{ rows: 2 }} /> : renderList(search.data?.items ?? [])) : null}
    </Flex>
  );
}
