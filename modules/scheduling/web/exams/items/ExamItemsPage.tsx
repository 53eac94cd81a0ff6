import { Button, Card, Checkbox, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { PageHeader } from '@kangyun/web-shell/components/PageHeader';
import { ProblemAlert } from '@kangyun/web-shell/components/ProblemAlert';
import { useRequest } from '@kangyun/web-shell/hooks/useRequest';
import { useMessages } from '@kangyun/web-shell/i18n';
import { useCan } from '@kangyun/web-shell/session';
import { examsApi } from '../api';
import { examMessages } from '../messages';
import type { ExamItem } from '../types';
import { ExamItemModal } from './ExamItemModal';

/** 项目管理: the exam catalogue; schedule managers add and edit, every booking desk reads */
export default function ExamItemsPage() {
  const m = useMessages(examMessages);
  const can = useCan();
  const manage = can('schedule.manage');
  const [showInactive, setShowInactive] = useState(false);
  const [editing, setEditing] = useState<ExamItem | 'new' | null>(null);
  const list = useRequest((signal) => examsApi.items({ includeInactive: showInactive }, signal), [showInactive]);

  const columns: TableColumnsType<ExamItem> = [
    { title: m.code, dataIndex: 'code', width: 120, render: (v: string) => <span className="mono">{v}</span> },
    {
      title: m.name, dataIndex: 'name', width: 220,
      render: (v: string, r) => (
        <Space size={4} wrap>
          <Typography.Text strong delete={!r.active}>{v}</Typography.Text>
          {r.fasting ? <Tag color="orange">{m.fasting}</Tag> : null}
          {r.contrast ? <Tag color="purple">{m.contrast}</Tag> : null}
          {r.morningOnly ? <Tag color="gold">{m.morningOnly}</Tag> : null}
          {!r.active ? <Tag>{m.inactive}</Tag> : null}
        </Space>
      ),
    },
    { title: m.modalityLabel, dataIndex: 'modality', width: 100, render: (v: ExamItem['modality']) => m.modality[v] },
    { title: m.department, dataIndex: 'departmentName', width: 130, render: (v: string | null) => v ?? <Typography.Text type="secondary">{m.anyDepartment}</Typography.Text> },
    { title: m.duration, dataIndex: 'durationMinutes', width: 90, render: (v: number) => m.minutes(v) },
    { title: m.preparation, dataIndex: 'preparation', render: (v: string) => v || <Typography.Text type="secondary">{m.noPrep}</Typography.Text> },
    ...(manage ? [{
      title: m.actions, key: 'actions', width: 90, fixed: 'right' as const,
      render: (_: unknown, r: ExamItem) => <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(r)}>{m.edit}</Button>,
    }] : []),
  ];

  return (
    <>
      <PageHeader
        title={m.itemsTitle}
        subtitle={m.itemsSubtitle}
        extra={manage ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>{m.newItem}</Button> : null}
      />
      <Card variant="borderless">
        <Checkbox checked={showInactive} onChange={(e) => setShowInactive(e.target.checked)} style={{ marginBottom: 12 }}>{m.showInactive}</Checkbox>
        <ProblemAlert error={list.error} onRetry={list.reload} />
        <Table<ExamItem> rowKey="id" size="middle" columns={columns} dataSource={list.data?.items ?? []} loading={list.loading} pagination={false} scroll={{ x: 1000 }} />
      </Card>
      <ExamItemModal item={editing} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); list.reload(); }} />
    </>
  );
}
