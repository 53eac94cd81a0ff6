import { Button, Card, Checkbox, Flex, Popconfirm, Segmented, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { PageHeader } from '@kangyun/web-shell/components/PageHeader';
import { ProblemAlert } from '@kangyun/web-shell/components/ProblemAlert';
import { useFeedback } from '@kangyun/web-shell/feedback';
import { useRequest } from '@kangyun/web-shell/hooks/useRequest';
import { useMessages } from '@kangyun/web-shell/i18n';
import { useCan } from '@kangyun/web-shell/session';
import { planningApi } from '../api';
import { DepartmentSelect } from '../common/pickers';
import { planningMessages } from '../messages';
import type { Resource } from '../types';
import { ResourceModal } from './ResourceModal';

/** 出诊资源: doctors' clinics (level, room, fee) and medtech devices */
export default function ResourcesPage() {
  const m = useMessages(planningMessages);
  const can = useCan();
  const manage = can('schedule.manage');
  const { message, fail } = useFeedback();
  const [departmentId, setDepartmentId] = useState<number | undefined>();
  const [kind, setKind] = useState<'all' | 'clinic' | 'exam'>('all');
  const [showInactive, setShowInactive] = useState(false);
  const [editing, setEditing] = useState<Resource | 'new' | null>(null);
  const list = useRequest((signal) => planningApi.resources({ departmentId, kind: kind === 'all' ? undefined : kind, active: showInactive ? undefined : true }, signal),
    [departmentId, kind, showInactive]);

  const remove = async (r: Resource) => {
    try {
      await planningApi.deleteResource(r.id);
      message.success(m.common.deleted);
      list.reload();
    } catch (error) {
      fail(error);
    }
  };

  return (
    <>
      <PageHeader title={m.resources.title} subtitle={m.resources.subtitle}
        extra={manage ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>{m.resources.addTitle}</Button> : null} />
      <Card variant="borderless">
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <DepartmentSelect value={departmentId} onChange={setDepartmentId} />
          <Segmented value={kind} onChange={(v) => setKind(v as typeof kind)}
            options={[{ value: 'all', label: m.common.all }, { value: 'clinic', label: m.resources.clinic }, { value: 'exam', label: m.resources.exam }]} />
          <Checkbox checked={showInactive} onChange={(e) => setShowInactive(e.target.checked)}>{m.resources.showInactive}</Checkbox>
        </Flex>
        <ProblemAlert error={list.error} onRetry={list.reload} />
        <Table<Resource> rowKey="id" size="middle" loading={list.loading} dataSource={list.data ?? []} pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[
            { title: m.resources.name, dataIndex: 'name' },
            { title: m.common.department, dataIndex: 'departmentName', width: 140 },
            { title: m.resources.kind, dataIndex: 'kind', width: 80, render: (k: string) => (k === 'clinic' ? m.resources.clinic : m.resources.exam) },
            { title: m.resources.practitioner, render: (_, r) => (r.practitionerName ? `${r.practitionerName}${r.practitionerTitle ? `（${r.practitionerTitle}）` : ''}` : '—') },
            {
              title: `${m.resources.level}/${m.resources.modality}`, width: 120,
              render: (_, r) => (r.kind === 'clinic' ? <Tag color={r.clinicLevel === 'general' ? 'blue' : r.clinicLevel === 'expert' ? 'purple' : 'gold'}>{m.level[r.clinicLevel ?? '']}</Tag> : <Tag>{m.modality[r.modality ?? '']}</Tag>),
            },
            { title: m.resources.room, dataIndex: 'room' },
            { title: m.resources.fee, dataIndex: 'fee', width: 90, align: 'right', render: (f: number | null) => (f == null ? '—' : f.toFixed(2)) },
            { title: m.resources.templates, dataIndex: 'templates', width: 100, align: 'right' },
            { title: m.resources.active, dataIndex: 'active', width: 80, render: (a: boolean) => (a ? <Tag color="green">{m.resources.active}</Tag> : <Tag>{m.resources.inactive}</Tag>) },
            ...(manage ? [{
              title: m.common.actions, key: 'actions', width: 130,
              render: (_: unknown, r: Resource) => (
                <Space size={4}>
                  <Button type="link" size="small" onClick={() => setEditing(r)}>{m.common.edit}</Button>
                  <Popconfirm title={m.common.confirmDelete} onConfirm={() => remove(r)} okText={m.common.delete} cancelText={m.common.cancel}>
                    <Button type="link" size="small" danger>{m.common.delete}</Button>
                  </Popconfirm>
                </Space>
              ),
            }] : []),
          ]}
        />
      </Card>
      <ResourceModal resource={editing} departmentId={departmentId} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); list.reload(); }} />
    </>
  );
}
