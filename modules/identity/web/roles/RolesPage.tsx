import { Button, Card, Flex, Popconfirm, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { PageHeader } from '@kangyun/web-shell/components/PageHeader';
import { ProblemAlert } from '@kangyun/web-shell/components/ProblemAlert';
import { useFeedback } from '@kangyun/web-shell/feedback';
import { useRequest } from '@kangyun/web-shell/hooks/useRequest';
import { useMessages } from '@kangyun/web-shell/i18n';
import { roleApi } from '../api';
import { InstitutionSelect } from '../components/InstitutionSelect';
import { commonMessages } from '../messages/common';
import { roleMessages } from '../messages/roles';
import { findNode } from '../orgTree';
import type { Id, Role } from '../types';
import { useOrgTree } from '../useOrgTree';
import { RoleEditorDrawer, type RoleEditorTarget } from './RoleEditorDrawer';

export default function RolesPage() {
  const m = useMessages(roleMessages);
  const c = useMessages(commonMessages);
  const tree = useOrgTree();
  const [institutionId, setInstitutionId] = useState<Id>();
  const roles = useRequest((signal) => roleApi.list(institutionId, signal), [institutionId]);
  const [target, setTarget] = useState<RoleEditorTarget | null>(null);
  const { message, fail } = useFeedback();

  const institutionName = useMemo(
    () => (id: Id | null) => (id ? findNode(tree.data ?? [], id)?.node.name ?? id : m.global),
    [tree.data, m.global],
  );

  const remove = async (role: Role) => {
    try {
      await roleApi.remove(role.id);
      message.success(m.deleted(role.name));
      roles.reload();
    } catch (error) {
      fail(error);
    }
  };

  const columns: TableColumnsType<Role> = [
    {
      title: m.name,
      key: 'name',
      render: (_, r) => (
        <Flex vertical>
          <Typography.Text strong>{r.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.code}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: m.type, dataIndex: 'builtin', width: 100, render: (b: boolean) => (b ? <Tag color="gold">{m.builtin}</Tag> : <Tag>{m.custom}</Tag>) },
    { title: m.institutionFilter, dataIndex: 'institutionId', render: (id: Id | null) => institutionName(id) },
    { title: m.scope, dataIndex: 'dataScope', width: 110, render: (s: Role['dataScope']) => <Tag color="blue">{c.dataScope[s] ?? s}</Tag> },
    { title: m.permissionCount, key: 'count', width: 90, align: 'right', render: (_, r) => r.permissions.length },
    {
      title: c.actions,
      key: 'actions',
      width: 150,
      render: (_, r) => (
        <Flex>
          <Button type="link" size="small" onClick={() => setTarget({ mode: 'edit', role: r })}>
            {r.builtin ? m.view : c.edit}
          </Button>
          {r.builtin ? null : (
            <Popconfirm title={m.deleteConfirm(r.name)} description={m.deleteHint} okButtonProps={{ danger: true }} okText={m.delete} cancelText={c.cancel} onConfirm={() => remove(r)}>
              <Button type="link" size="small" danger>
                {m.delete}
              </Button>
            </Popconfirm>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={m.title}
        subtitle={m.subtitle}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget({ mode: 'create' })}>
            {m.add}
          </Button>
        }
      />
      <Card variant="borderless">
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <InstitutionSelect tree={tree.data} value={institutionId} onChange={setInstitutionId} allowClear placeholder={m.allRoles} style={{ width: 280 }} />
        </Flex>
        <ProblemAlert error={roles.error} onRetry={roles.reload} />
        <Table<Role>
          rowKey="id"
          columns={columns}
          dataSource={roles.data ?? []}
          loading={roles.loading}
          scroll={{ x: 760 }}
          size="middle"
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
        />
      </Card>
      <RoleEditorDrawer
        target={target}
        tree={tree.data}
        onClose={() => setTarget(null)}
        onSaved={() => {
          setTarget(null);
          roles.reload();
        }}
      />
    </>
  );
}
