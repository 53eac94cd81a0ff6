import { RightOutlined, SearchOutlined } from '@ant-design/icons';
import { Empty, Input, Skeleton, Tag } from 'antd';
import { useState } from 'react';
import { ProblemAlert } from '@kangyun/web-shell/components/ProblemAlert';
import { useRequest } from '@kangyun/web-shell/hooks/useRequest';
import { useMessages } from '@kangyun/web-shell/i18n';
import { portalApi } from '../api';
import { portalMessages } from '../messages';

export function DepartmentStep({ institutionId, onPick }: { institutionId: number; onPick: (id: number) => void }) {
  const m = useMessages(portalMessages);
  const [q, setQ] = useState('');
  const list = useRequest((signal) => portalApi.departments(institutionId, signal), [institutionId]);
  const shown = (list.data ?? []).filter((d) => !q.trim() || d.name.includes(q.trim()));
  return (
    <>
      <Input size="large" allowClear prefix={<SearchOutlined />} placeholder={m.searchDepartment} value={q} onChange={(e) => setQ(e.target.value)} style={{ marginBottom: 4 }} />
      <div className="m-section-title">{m.chooseDepartment}</div>
      <ProblemAlert error={list.error} onRetry={list.reload} />
      {list.loading && !list.data ? <Skeleton active /> : null}
      {list.data && !shown.length ? <Empty /> : null}
      {shown.map((d) => (
        <button key={d.id} type="button" className="m-row" onClick={() => onPick(d.id)} data-testid="department">
          <div className="m-row-main">
            <div className="m-row-title">{d.name}</div>
            <div className="m-row-sub">
              {m.doctorsCount(d.doctors)} · {d.levels.map((l) => m.levels[l]).join(' / ')}
            </div>
            {d.sex || d.minAge !== null || d.maxAge !== null ? (
              <div style={{ marginTop: 4 }}>
                {d.sex ? <Tag color="magenta">{d.sex === 'female' ? m.femaleOnly : m.maleOnly}</Tag> : null}
                {d.maxAge !== null ? <Tag color="cyan">{m.ageMax(d.maxAge)}</Tag> : null}
                {d.minAge !== null ? <Tag color="cyan">{m.ageMin(d.minAge)}</Tag> : null}
              </div>
            ) : null}
          </div>
          <Tag color={d.free > 0 ? 'green' : 'default'} style={{ marginInlineEnd: 0 }}>{d.free > 0 ? m.hasNumbers : m.noNumbers}</Tag>
          <RightOutlined style={{ color: '#bfbfbf' }} />
        </button>
      ))}
    </>
  );
}
