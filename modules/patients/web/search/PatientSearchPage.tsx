import { Button, Card, Empty, Grid, Input } from 'antd';
import { SearchOutlined, UserAddOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { PageHeader } from '@kangyun/web-shell/components/PageHeader';
import { ProblemAlert } from '@kangyun/web-shell/components/ProblemAlert';
import { useListQuery } from '@kangyun/web-shell/hooks/useListQuery';
import { useMessages } from '@kangyun/web-shell/i18n';
import { useCan } from '@kangyun/web-shell/session';
import { patientMessages } from '../messages';
import type { PatientSummary } from '../types';
import { PatientCardList } from './PatientCardList';
import { PatientTable } from './PatientTable';

export default function PatientSearchPage() {
  const m = useMessages(patientMessages);
  const can = useCan();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const list = useListQuery<PatientSummary>('/api/patients');
  const [text, setText] = useState(list.filters.q ?? '');
  useEffect(() => setText(list.filters.q ?? ''), [list.filters.q]);

  const open = (p: PatientSummary) => navigate(`/patients/${encodeURIComponent(p.id)}`);
  const showEmpty = !list.loading && !list.error && list.items.length === 0;

  return (
    <>
      <PageHeader
        title={m.searchTitle}
        subtitle={phone ? undefined : m.searchSubtitle}
        extra={
          can('patient.write') ? (
            <Link to="/patients/new">
              <Button type="primary" icon={<UserAddOutlined />}>
                {m.register}
              </Button>
            </Link>
          ) : null
        }
      />
      <Card variant="borderless" styles={{ body: { padding: phone ? 12 : 24 } }}>
        <Input.Search
          size="large"
          autoFocus
          allowClear
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(q) => list.setFilters({ q: q.trim() })}
          placeholder={m.searchPlaceholder}
          enterButton={
            <>
              <SearchOutlined /> {phone ? null : m.searchButton}
            </>
          }
          style={{ marginBottom: 16 }}
          aria-label={m.searchPlaceholder}
        />
        <ProblemAlert error={list.error} onRetry={list.reload} />
        {showEmpty && list.filters.q ? (
          <Empty
            description={
              <>
                <div>{m.noResult}</div>
                <div style={{ fontSize: 12, color: '#8c8c8c' }}>{m.noResultHint}</div>
              </>
            }
            style={{ padding: 24 }}
          >
            {can('patient.write') ? (
              <Link to={`/patients/new`}>
                <Button type="primary" icon={<UserAddOutlined />}>
                  {m.register}
                </Button>
              </Link>
            ) : null}
          </Empty>
        ) : phone ? (
          <PatientCardList items={list.items} loading={list.loading} page={list.page} pageSize={list.pageSize} total={list.total} onPage={(p) => list.setPage(p)} onOpen={open} />
        ) : (
          <PatientTable items={list.items} loading={list.loading} pagination={list.pagination} onOpen={open} />
        )}
      </Card>
    </>
  );
}
