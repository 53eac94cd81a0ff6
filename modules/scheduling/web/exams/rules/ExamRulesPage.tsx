import { Button, Card, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { PageHeader } from '@kangyun/web-shell/components/PageHeader';
import { ProblemAlert } from '@kangyun/web-shell/components/ProblemAlert';
import { useFeedback } from '@kangyun/web-shell/feedback';
import { useRequest } from '@kangyun/web-shell/hooks/useRequest';
import { useMessages } from '@kangyun/web-shell/i18n';
import { useCan } from '@kangyun/web-shell/session';
import { examsApi } from '../api';
import { examMessages } from '../messages';
import type { ExamItem, ExamRule, RuleKind } from '../types';
import { ExamRuleModal } from './ExamRuleModal';
import { ruleParams, sideText } from './ruleText';

const KIND_COLOR: Record<RuleKind, string> = {
  order: 'blue', different_day: 'red', min_interval: 'purple', morning_only: 'gold', same_visit: 'green', priority: 'cyan',
};

/** 检查预约规则库: what booking and planning must respect, each rule with the text shown when it blocks */
export default function ExamRulesPage() {
  const m = useMessages(examMessages);
  const can = useCan();
  const manage = can('schedule.manage');
  const { message, fail } = useFeedback();
  const [editing, setEditing] = useState<ExamRule | 'new' | null>(null);
  const rules = useRequest((signal) => examsApi.rules(signal), []);
  const items = useRequest((signal) => examsApi.items({ includeInactive: true }, signal), []);
  const byId = useMemo(() => new Map<number, ExamItem>((items.data?.items ?? []).map((i) => [i.id, i])), [items.data]);

  const remove = async (r: ExamRule) => {
    try {
      await examsApi.deleteRule(r.id);
      message.success(m.deleted);
      rules.reload();
    } catch (error) {
      fail(error);
    }
  };

  const columns: TableColumnsType<ExamRule> = [
    { title: m.kind, dataIndex: 'kind', width: 110, render: (k: RuleKind) => <Tag color={KIND_COLOR[k]}>{m.kinds[k]}</Tag> },
    {
      title: m.condition, key: 'condition', width: 300,
      render: (_, r) => (
        <Space size={4} wrap>
          <Typography.Text strong>{sideText(r.a, byId, m)}</Typography.Text>
          {r.b ? <><span>{r.kind === 'order' ? '→' : '·'}</span><Typography.Text strong>{sideText(r.b, byId, m)}</Typography.Text></> : null}
          {ruleParams(r, m) ? <Typography.Text type="secondary">（{ruleParams(r, m)}）</Typography.Text> : null}
        </Space>
      ),
    },
    { title: m.description, dataIndex: 'description', render: (v: string, r) => <Typography.Text delete={!r.active}>{v}</Typography.Text> },
    { title: m.active, dataIndex: 'active', width: 80, render: (v: boolean) => (v ? <Tag color="success">{m.active}</Tag> : <Tag>{m.inactive}</Tag>) },
    ...(manage ? [{
      title: m.actions, key: 'actions', width: 170, fixed: 'right' as const,
      render: (_: unknown, r: ExamRule) => (
        <Space>
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(r)}>{m.edit}</Button>
          <Popconfirm title={m.deleteConfirm} onConfirm={() => void remove(r)}>
            <Button size="small" danger icon={<DeleteOutlined />}>{m.deleteRule}</Button>
          </Popconfirm>
        </Space>
      ),
    }] : []),
  ];

  return (
    <>
      <PageHeader
        title={m.rulesTitle}
        subtitle={m.rulesSubtitle}
        extra={manage ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>{m.newRule}</Button> : null}
      />
      <Card variant="borderless">
        <ProblemAlert error={rules.error ?? items.error} onRetry={rules.reload} />
        <Table<ExamRule> rowKey="id" size="middle" columns={columns} dataSource={rules.data?.items ?? []} loading={rules.loading} pagination={false} scroll={{ x: 900 }} />
      </Card>
      <ExamRuleModal rule={editing} items={items.data?.items ?? []} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); rules.reload(); }} />
    </>
  );
}
