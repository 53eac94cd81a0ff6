import { Button, Card, Flex, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { RedoOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ExportButtons } from '@kangyun/web-shell/components/ExportButtons';
import { ProblemAlert } from '@kangyun/web-shell/components/ProblemAlert';
import { useFeedback } from '@kangyun/web-shell/feedback';
import { useListQuery } from '@kangyun/web-shell/hooks/useListQuery';
import { useMessages } from '@kangyun/web-shell/i18n';
import { useCan } from '@kangyun/web-shell/session';
import { notificationsApi } from './api';
import { DeliveryFilters } from './DeliveryFilters';
import { notificationMessages } from './messages';
import { StatusTag } from './StatusTag';
import type { Delivery } from './types';

const CHANNEL_COLORS: Record<string, string> = { inapp: 'blue', sms: 'green', wechat: 'cyan' };
const retryable = (d: Delivery) => d.status === 'failed' || d.status === 'dead';

/** Delivery list with filters, resending and export. */
export function DeliveriesTab() {
  const m = useMessages(notificationMessages);
  const can = useCan();
  const admin = can('notification.admin');
  const list = useListQuery<Delivery>('/api/notifications', { pageSize: 20 });
  const { message, fail } = useFeedback();
  const [selected, setSelected] = useState<number[]>([]);
  const [busy, setBusy] = useState<number | 'many' | null>(null);

  const retryOne = async (d: Delivery) => {
    setBusy(d.id);
    try {
      await notificationsApi.retry(d.id);
      message.success(m.retried);
      list.reload();
    } catch (error) {
      fail(error);
    } finally {
      setBusy(null);
    }
  };

  const retryMany = async () => {
    setBusy('many');
    try {
      const result = await notificationsApi.retryMany(selected);
      if (result.retried) message.success(m.retriedMany(result.retried));
      else message.warning(m.retryNone);
      setSelected([]);
      list.reload();
    } catch (error) {
      fail(error);
    } finally {
      setBusy(null);
    }
  };

  const columns: TableColumnsType<Delivery> = [
    { title: m.createdAt, dataIndex: 'createdAt', width: 140, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
    {
      title: m.recipient,
      key: 'recipient',
      width: 120,
      render: (_, d) =>
        d.recipientKind === 'patient' ? (
          can('patient.read') ? (
            <Link to={`/patients/${d.patientId}`}>{m.patientLabel(d.patientId ?? '')}</Link>
          ) : (
            <span>{m.patientLabel(d.patientId ?? '')}</span>
          )
        ) : (
          <span>
            {m.staffLabel} · {d.accountName ?? d.accountId}
          </span>
        ),
    },
    {
      title: m.channel,
      key: 'channel',
      width: 120,
      render: (_, d) => (
        <Flex vertical gap={2} align="start">
          <Tag color={CHANNEL_COLORS[d.channel]}>{m.channels[d.channel] ?? d.channel}</Tag>
          {d.destination ? (
            <Typography.Text type="secondary" className="mono" style={{ fontSize: 12 }}>
              {d.destination}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: m.kind,
      dataIndex: 'kind',
      width: 90,
      render: (kind: string) => (
        <Tooltip title={kind}>
          <span>{m.kinds[kind] ?? kind}</span>
        </Tooltip>
      ),
    },
    {
      title: m.content,
      key: 'content',
      ellipsis: { showTitle: false },
      render: (_, d) => (
        <Tooltip title={d.body} placement="topLeft">
          <span>
            <Typography.Text strong>{d.title}</Typography.Text>
            <Typography.Text type="secondary"> {d.body}</Typography.Text>
          </span>
        </Tooltip>
      ),
    },
    {
      title: m.status,
      key: 'status',
      width: 160,
      render: (_, d) => {
        const notes = [
          d.status === 'sent' && d.sentAt ? m.sentAtNote(dayjs(d.sentAt).format('MM-DD HH:mm:ss')) : null,
          d.channel === 'inapp' && d.readAt ? m.readAt(dayjs(d.readAt).format('MM-DD HH:mm')) : null,
          d.status === 'sent' && d.providerRef ? `${m.providerRef}：${d.providerRef}` : null,
        ].filter((x): x is string => !!x);
        return (
          <Flex vertical gap={2} align="start">
            <StatusTag delivery={d} />
            {notes.map((note) => (
              <Typography.Text key={note} type="secondary" style={{ fontSize: 12 }}>
                {note}
              </Typography.Text>
            ))}
          </Flex>
        );
      },
    },
    {
      title: m.reason,
      key: 'reason',
      width: 220,
      render: (_, d) =>
        d.status !== 'sent' && d.errorText ? (
          <Typography.Text type={d.status === 'pending' ? 'warning' : 'danger'} style={{ fontSize: 13 }}>
            {d.errorText}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
    ...(admin
      ? [
          {
            title: m.actions,
            key: 'actions',
            width: 80,
            fixed: 'right' as const,
            render: (_: unknown, d: Delivery) =>
              retryable(d) ? (
                <Button size="small" icon={<RedoOutlined />} loading={busy === d.id} onClick={() => void retryOne(d)}>
                  {m.retry}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={16}>
      <Card variant="borderless" styles={{ body: { paddingBottom: 0 } }}>
        <DeliveryFilters value={list.filters} onChange={(f) => list.setFilters({ ...f })} />
      </Card>
      <Card variant="borderless">
        <Flex justify="flex-end" gap={8} wrap style={{ marginBottom: 12 }}>
          {admin ? (
            <Button icon={<RedoOutlined />} disabled={selected.length === 0} loading={busy === 'many'} onClick={() => void retryMany()}>
              {m.retrySelected(selected.length)}
            </Button>
          ) : null}
          <ExportButtons path="/api/notifications/export" query={list.filters} fileName={m.exportName} />
        </Flex>
        <ProblemAlert error={list.error} onRetry={list.reload} />
        <Table<Delivery>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={list.items}
          loading={list.loading}
          pagination={list.pagination}
          scroll={{ x: 1100 }}
          rowSelection={
            admin
              ? {
                  selectedRowKeys: selected,
                  onChange: (keys) => setSelected(keys.map(Number)),
                  getCheckboxProps: (d) => ({ disabled: !retryable(d) }),
                }
              : undefined
          }
        />
      </Card>
    </Flex>
  );
}
