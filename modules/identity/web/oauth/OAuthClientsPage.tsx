import { Button, Card, Flex, Input, Switch, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { PageHeader } from '@kangyun/web-shell/components/PageHeader';
import { ProblemAlert } from '@kangyun/web-shell/components/ProblemAlert';
import { useFeedback } from '@kangyun/web-shell/feedback';
import { useRequest } from '@kangyun/web-shell/hooks/useRequest';
import { useLocalize, useMessages } from '@kangyun/web-shell/i18n';
import { oauthApi } from '../api';
import { oauthMessages } from '../messages/oauth';
import type { Id, OAuthClient } from '../types';
import { useOrgTree } from '../useOrgTree';
import { CreateClientModal } from './CreateClientModal';
import { SecretModal } from './SecretModal';

export default function OAuthClientsPage() {
  const m = useMessages(oauthMessages);
  const t = useLocalize();
  const clients = useRequest((signal) => oauthApi.list(signal), []);
  const scopes = useRequest((signal) => oauthApi.scopes(signal), []);
  const tree = useOrgTree();
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<(OAuthClient & { clientSecret: string }) | null>(null);
  const [toggling, setToggling] = useState<Id | null>(null);
  const { message, modal, fail } = useFeedback();

  const scopeName = useMemo(() => {
    const names = new Map((scopes.data ?? []).map((s) => [s.code, t(s.name)]));
    return (code: string) => names.get(code) ?? code;
  }, [scopes.data, t]);

  const rows = useMemo(() => {
    const text = search.trim().toLowerCase();
    const all = clients.data ?? [];
    return text ? all.filter((c) => [c.name, c.clientId, c.institutionName].some((v) => v?.toLowerCase().includes(text))) : all;
  }, [clients.data, search]);

  const setEnabled = async (client: OAuthClient, enabled: boolean) => {
    setToggling(client.id);
    try {
      await oauthApi.setEnabled(client.id, enabled);
      message.success(m.statusChanged(client.name, enabled));
      clients.reload();
    } catch (error) {
      fail(error);
    } finally {
      setToggling(null);
    }
  };

  const toggle = (client: OAuthClient, enabled: boolean) => {
    if (enabled) void setEnabled(client, true);
    else
      modal.confirm({
        title: m.disableConfirm(client.name),
        okText: m.disable,
        okButtonProps: { danger: true },
        onOk: () => setEnabled(client, false),
      });
  };

  const columns: TableColumnsType<OAuthClient> = [
    {
      title: m.name,
      key: 'name',
      render: (_, c) => (
        <Flex vertical>
          <Typography.Text strong>{c.name}</Typography.Text>
          <Typography.Text type="secondary" copyable style={{ fontSize: 12 }}>
            {c.clientId}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: m.institution, dataIndex: 'institutionName' },
    {
      title: m.scopes,
      dataIndex: 'scopes',
      render: (list: string[]) => (
        <Flex gap={4} wrap>
          {list.map((code) => (
            <Tooltip key={code} title={code}>
              <Tag>{scopeName(code)}</Tag>
            </Tooltip>
          ))}
        </Flex>
      ),
    },
    {
      title: m.status,
      dataIndex: 'enabled',
      width: 120,
      render: (enabled: boolean, c) => (
        <Switch
          checked={enabled}
          loading={toggling === c.id}
          checkedChildren={m.enabled}
          unCheckedChildren={m.disabled}
          onChange={(on) => toggle(c, on)}
        />
      ),
    },
    { title: m.createdAt, dataIndex: 'createdAt', width: 170, render: (v: string) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '—') },
  ];

  return (
    <>
      <PageHeader
        title={m.title}
        subtitle={m.subtitle}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {m.add}
          </Button>
        }
      />
      <Card variant="borderless">
        <Input.Search allowClear placeholder={m.searchPlaceholder} value={search} onChange={(e) => setSearch(e.target.value)} style={{ maxWidth: 320, marginBottom: 16 }} />
        <ProblemAlert error={clients.error} onRetry={clients.reload} />
        <Table<OAuthClient> rowKey="id" columns={columns} dataSource={rows} loading={clients.loading} scroll={{ x: 860 }} size="middle" pagination={{ pageSize: 20, hideOnSinglePage: true }} />
      </Card>
      <CreateClientModal
        open={creating}
        tree={tree.data}
        scopes={scopes.data ?? []}
        onClose={() => setCreating(false)}
        onCreated={(client) => {
          setCreating(false);
          setCreated(client);
          clients.reload();
        }}
      />
      <SecretModal client={created} onClose={() => setCreated(null)} />
    </>
  );
}
