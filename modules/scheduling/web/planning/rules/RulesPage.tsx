import { Button, Card, Empty, Flex, Popconfirm, Spin, Table, Tabs, Tag } from 'antd';
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
import type { InstitutionRules, RuleFields } from '../types';
import { RuleForm } from './RuleForm';

/** 预约规则: the institution's rule and departments' overrides */
export default function RulesPage() {
  const m = useMessages(planningMessages);
  const r = m.rules;
  const manage = useCan()('schedule.manage');
  const { message, fail } = useFeedback();
  const rules = useRequest((signal) => planningApi.rules(signal), []);
  const [departmentId, setDepartmentId] = useState<number | undefined>();
  const dept = useRequest((signal) => planningApi.departmentRules(departmentId!, signal), [departmentId], { enabled: !!departmentId });

  const saveInstitution = async (body: Partial<RuleFields>) => {
    const saved = await planningApi.saveRules(body);
    message.success(r.recomputed(saved.recomputedSessions ?? 0));
    rules.reload();
  };
  const saveDepartment = async (body: Partial<RuleFields>) => {
    const saved = await planningApi.saveDepartmentRules(departmentId!, body);
    message.success(r.recomputed(saved.recomputedSessions ?? 0));
    dept.setData(saved);
    rules.reload();
  };
  const removeDepartment = async () => {
    try {
      const saved = await planningApi.deleteDepartmentRules(departmentId!);
      message.success(m.common.deleted);
      dept.setData(saved);
      rules.reload();
    } catch (error) {
      fail(error);
    }
  };

  const overrideTags = (o: InstitutionRules['departments'][number]['overrides']) => Object.keys(o).map((k) => <Tag key={k}>{r.fields[k]}</Tag>);

  return (
    <>
      <PageHeader title={r.title} subtitle={r.subtitle} />
      <ProblemAlert error={rules.error} onRetry={rules.reload} />
      <Card variant="borderless">
        <Tabs items={[
          {
            key: 'institution', label: r.institution,
            children: rules.data ? <RuleForm scope={rules.data} manage={manage} onSave={saveInstitution} /> : <Spin />,
          },
          {
            key: 'departments', label: r.departments,
            children: (
              <Flex vertical gap={16}>
                <Table size="small" rowKey="departmentId" pagination={false} dataSource={rules.data?.departments ?? []} locale={{ emptyText: r.noOverrides }}
                  onRow={(row) => ({ onClick: () => setDepartmentId(row.departmentId), style: { cursor: 'pointer' } })}
                  columns={[
                    { title: m.common.department, dataIndex: 'departmentName', width: 180 },
                    { title: r.overrides, render: (_, row) => overrideTags(row.overrides) },
                  ]} />
                <Flex gap={12} align="center">
                  <span>{r.departmentPick}</span>
                  <DepartmentSelect value={departmentId} onChange={setDepartmentId} placeholder={m.common.selectDepartment} />
                  {manage && departmentId && dept.data?.updatedAt ? (
                    <Popconfirm title={r.removeOverride} onConfirm={removeDepartment} okText={m.common.delete} cancelText={m.common.cancel}>
                      <Button danger>{r.removeOverride}</Button>
                    </Popconfirm>
                  ) : null}
                </Flex>
                <ProblemAlert error={dept.error} onRetry={dept.reload} />
                {!departmentId ? <Empty description={m.common.selectDepartment} /> : dept.data ? <RuleForm scope={dept.data} manage={manage} onSave={saveDepartment} /> : <Spin />}
              </Flex>
            ),
          },
        ]} />
      </Card>
    </>
  );
}
