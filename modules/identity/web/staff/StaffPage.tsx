import { Button, Card, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { ExportButtons } from '@kangyun/web-shell/components/ExportButtons';
import { PageHeader } from '@kangyun/web-shell/components/PageHeader';
import { ProblemAlert } from '@kangyun/web-shell/components/ProblemAlert';
import { useFeedback } from '@kangyun/web-shell/feedback';
import { useListQuery } from '@kangyun/web-shell/hooks/useListQuery';
import { useMessages } from '@kangyun/web-shell/i18n';
import { useCan } from '@kangyun/web-shell/session';
import { staffApi } from '../api';
import { StaffStatusTag } from '../components/StaffStatusTag';
import { commonMessages } from '../messages/common';
import { staffMessages } from '../messages/staff';
import { sameId } from '@kangyun/web-shell/types';
import type { Id, Staff } from '../types';
import { useOrgTree } from '../useOrgTree';
import { CreateStaffModal } from './CreateStaffModal';
import { EditStaffModal } from './EditStaffModal';
import { PostsDrawer } from './PostsDrawer';
import { ResetPasswordModal } from './ResetPasswordModal';
import { StaffFilters } from './StaffFilters';
import { StaffRowActions, type StaffAction } from './StaffRowActions';

export default function StaffPage() {
  const m = useMessages(staffMessages);
  const c = useMessages(commonMessages);
  const can = useCan();
  const manage = can('staff.manage');
  const showActions = manage || can('account.unlock');
  const list = useListQuery<Staff>('/api/staff');
  const tree = useOrgTree();
  const { message, modal, fail } = useFeedback();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Staff | null>(null);
  const [resetting, setResetting] = useState<Staff | null>(null);
  const [postsId, setPostsId] = useState<Id | null>(null);

  const patchStatus = (staff: Staff, status: 'active' | 'disabled') =>
    modal.confirm({
      title: status === 'disabled' ? m.disableConfirm(staff.displayName) : m.enableConfirm(staff.displayName),
      okButtonProps: { danger: status === 'disabled' },
      okText: status === 'disabled' ? m.disable : m.enable,
      cancelText: c.cancel,
      onOk: async () => {
        try {
          await staffApi.update(staff.id, { status });
          message.success(status === 'disabled' ? m.disabled(staff.displayName) : m.enabled(staff.displayName));
          list.reload();
        } catch (error) {
          fail(error);
        }
      },
    });

  const onAction = async (action: StaffAction, staff: Staff) => {
    if (action === 'edit') setEditing(staff);
    else if (action === 'posts') setPostsId(staff.id);
    else if (action === 'reset') setResetting(staff);
    else if (action === 'disable' || action === 'enable') patchStatus(staff, action === 'disable' ? 'disabled' : 'active');
    else if (action === 'unlock') {
      try {
        await staffApi.unlock(staff.id);
        message.success(m.unlocked(staff.displayName));
        list.reload();
      } catch (error) {
        fail(error);
      }
    }
  };

  const columns: TableColumnsType<Staff> = [
    {
      title: m.displayName,
      key: 'name',
      width: 180,
      render: (_, s) => (
        <Flex vertical>
          <Typography.Text strong>{s.displayName}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {s.username}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: m.mobile, dataIndex: 'mobile', width: 140, render: (v: string | null) => v || '—' },
    {
      title: m.posts,
      key: 'posts',
      render: (_, s) => (
        <Flex vertical gap={4}>
          {s.assignments.map((a) => (
            <span key={a.id}>
              {a.institutionName}
              {a.departmentName ? ` · ${a.departmentName}` : ''} <Tag color="blue">{a.roleName}</Tag>
            </span>
          ))}
        </Flex>
      ),
    },
    { title: m.status, dataIndex: 'status', width: 100, render: (status: Staff['status']) => <StaffStatusTag status={status} /> },
    ...(showActions
      ? [{ title: c.actions, key: 'actions', width: 240, fixed: 'right' as const, render: (_: unknown, s: Staff) => <StaffRowActions staff={s} onAction={onAction} /> }]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={m.title}
        subtitle={m.subtitle}
        extra={
          <>
            <ExportButtons path="/api/staff/export" query={list.filters} fileName={m.exportName} />
            {manage ? (
              <Button type="primary" icon={<UserAddOutlined />} onClick={() => setCreating(true)}>
                {m.add}
              </Button>
            ) : null}
          </>
        }
      />
      <Card variant="borderless">
        <StaffFilters value={list.filters} tree={tree.data} onChange={(f) => list.setFilters({ ...f })} />
        <ProblemAlert error={list.error} onRetry={list.reload} />
        <Table<Staff> rowKey="id" columns={columns} dataSource={list.items} loading={list.loading} pagination={list.pagination} scroll={{ x: 900 }} size="middle" />
      </Card>
      <CreateStaffModal
        open={creating}
        tree={tree.data}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          list.reload();
        }}
      />
      <EditStaffModal
        staff={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          list.reload();
        }}
      />
      <ResetPasswordModal staff={resetting} onClose={() => setResetting(null)} />
      <PostsDrawer staff={list.items.find((s) => sameId(s.id, postsId))} tree={tree.data} onClose={() => setPostsId(null)} onChanged={list.reload} />
    </>
  );
}
