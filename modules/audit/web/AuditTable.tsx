import { Flex, Table, Tag, Tooltip, Typography, type TableColumnsType, type TablePaginationConfig } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useMessages } from '@kangyun/web-shell/i18n';
import { useCan } from '@kangyun/web-shell/session';
import { auditMessages } from './messages';
import type { AuditEntry } from './types';
import { useActionLabel } from './useActionLabel';

function detailText(detail: unknown): string {
  if (detail == null || detail === '') return '';
  return typeof detail === 'string' ? detail : JSON.stringify(detail);
}

export function AuditTable({ items, loading, pagination }: { items: AuditEntry[]; loading: boolean; pagination: TablePaginationConfig }) {
  const m = useMessages(auditMessages);
  const actionLabel = useActionLabel();
  const can = useCan();
  const columns: TableColumnsType<AuditEntry> = [
    { title: m.at, dataIndex: 'at', width: 170, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss') },
    {
      title: m.user,
      key: 'user',
      width: 200,
      render: (_, e) => (
        <Flex vertical>
          <Typography.Text>{e.username ?? '—'}</Typography.Text>
          {e.institutionName || e.role ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[e.institutionName, e.roleName ?? e.role].filter(Boolean).join(' · ')}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: m.action,
      dataIndex: 'action',
      width: 170,
      render: (action: string) => (
        <Tooltip title={action}>
          <span>{actionLabel(action)}</span>
        </Tooltip>
      ),
    },
    {
      title: m.entity,
      key: 'entity',
      width: 200,
      render: (_, e) => (e.entityType ? <Typography.Text className="mono" style={{ fontSize: 12 }}>{`${e.entityType}${e.entityId ? `/${e.entityId}` : ''}`}</Typography.Text> : '—'),
    },
    {
      title: m.patientId,
      dataIndex: 'patientId',
      width: 150,
      render: (id: string | null) =>
        id ? (
          can('patient.read') ? (
            <Link to={`/patients/${encodeURIComponent(id)}`} className="mono">
              {id}
            </Link>
          ) : (
            <span className="mono">{id}</span>
          )
        ) : (
          '—'
        ),
    },
    {
      title: m.outcome,
      dataIndex: 'outcome',
      width: 90,
      render: (o: AuditEntry['outcome']) => <Tag color={o === 'success' ? 'success' : 'error'}>{m.outcomes[o] ?? o}</Tag>,
    },
    { title: m.ip, dataIndex: 'ip', width: 130, render: (v: string | null) => <span className="mono">{v ?? '—'}</span> },
    {
      title: m.detail,
      dataIndex: 'detail',
      ellipsis: { showTitle: false },
      render: (d: unknown) => {
        const text = detailText(d);
        return text ? (
          <Tooltip title={text} placement="topLeft">
            <span>{text}</span>
          </Tooltip>
        ) : (
          '—'
        );
      },
    },
  ];
  return (
    <Table<AuditEntry>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={pagination}
      scroll={{ x: 1300 }}
      expandable={{
        rowExpandable: (e) => !!detailText(e.detail),
        expandedRowRender: (e) => (
          <pre style={{ margin: 0, whiteSpace: 'pre-wrap', fontSize: 12 }}>
            {typeof e.detail === 'string' ? e.detail : JSON.stringify(e.detail, null, 2)}
          </pre>
        ),
      }}
    />
  );
}
