import { Card, Flex } from 'antd';
import { useState } from 'react';
import { ExportButtons } from '@kangyun/web-shell/components/ExportButtons';
import { PageHeader } from '@kangyun/web-shell/components/PageHeader';
import { ProblemAlert } from '@kangyun/web-shell/components/ProblemAlert';
import { useListQuery } from '@kangyun/web-shell/hooks/useListQuery';
import { useMessages } from '@kangyun/web-shell/i18n';
import { useCan } from '@kangyun/web-shell/session';
import { AuditFilters } from './AuditFilters';
import { AuditStatsChart } from './AuditStatsChart';
import { AuditTable } from './AuditTable';
import { auditMessages } from './messages';
import type { AuditEntry } from './types';
import { VerifyChainButton } from './VerifyChainButton';

export default function AuditPage() {
  const m = useMessages(auditMessages);
  const can = useCan();
  const list = useListQuery<AuditEntry>('/api/audit', { pageSize: 50 });
  const [knownActions, setKnownActions] = useState<string[]>([]);

  return (
    <>
      <PageHeader
        title={m.title}
        subtitle={m.subtitle}
        extra={
          <>
            <VerifyChainButton onShowBroken={(id) => list.setFilters({ q: id })} />
            {can('audit.export') ? <ExportButtons path="/api/audit/export" query={list.filters} fileName={m.exportName} /> : null}
          </>
        }
      />
      <Flex vertical gap={16}>
        <Card variant="borderless" styles={{ body: { paddingBottom: 0 } }}>
          <AuditFilters value={list.filters} knownActions={knownActions} onChange={(f) => list.setFilters({ ...f })} />
        </Card>
        <AuditStatsChart from={list.filters.from} to={list.filters.to} onActions={setKnownActions} />
        <Card variant="borderless">
          <ProblemAlert error={list.error} onRetry={list.reload} />
          <AuditTable items={list.items} loading={list.loading} pagination={list.pagination} />
        </Card>
      </Flex>
    </>
  );
}
