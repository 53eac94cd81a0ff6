import { Button, Card, Checkbox, Empty, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useEffect, useMemo, useState } from 'react';
import { PageHeader } from '@kangyun/web-shell/components/PageHeader';
import { ProblemAlert } from '@kangyun/web-shell/components/ProblemAlert';
import { useRequest } from '@kangyun/web-shell/hooks/useRequest';
import { useMessages } from '@kangyun/web-shell/i18n';
import { useCan } from '@kangyun/web-shell/session';
import { planningApi } from '../api';
import { DepartmentSelect, quotaTotal } from '../common/pickers';
import { planningMessages } from '../messages';
import { WEEKDAYS, type Resource, type Template } from '../types';
import { GenerateModal } from './GenerateModal';
import { TemplateModal, type TemplateTarget } from './TemplateModal';

/** 排班模板: a week grid per department — one row per resource, one column per weekday */
export default function TemplatesPage() {
  const m = useMessages(planningMessages);
  const t = m.templates;
  const manage = useCan()('schedule.manage');
  const [departmentId, setDepartmentId] = useState<number | undefined>();
  const [showInactive, setShowInactive] = useState(false);
  const [target, setTarget] = useState<TemplateTarget>(null);
  const [generating, setGenerating] = useState(false);
  const departments = useRequest((signal) => planningApi.departments(signal), []);
  useEffect(() => {
    if (departmentId === undefined) setDepartmentId(departments.data?.find((d) => d.resources > 0)?.id);
  }, [departments.data, departmentId]);
  const resources = useRequest((signal) => planningApi.resources({ departmentId, active: true }, signal), [departmentId], { enabled: !!departmentId });
  const templates = useRequest((signal) => planningApi.templates({ departmentId, includeInactive: showInactive }, signal), [departmentId, showInactive], { enabled: !!departmentId });

  const byCell = useMemo(() => {
    const map = new Map<string, Template[]>();
    for (const tpl of templates.data ?? []) map.set(`${tpl.resourceId}|${tpl.weekday}`, [...(map.get(`${tpl.resourceId}|${tpl.weekday}`) ?? []), tpl]);
    return map;
  }, [templates.data]);

  const cell = (r: Resource, weekday: number) => (
    <Flex vertical gap={4}>
      {(byCell.get(`${r.id}|${weekday}`) ?? []).map((tpl) => (
        <Tooltip key={tpl.id} title={`${tpl.validFrom} ~ ${tpl.validTo ?? '∞'}${tpl.note ? ` · ${tpl.note}` : ''}`}>
          <button type="button" onClick={manage ? () => setTarget({ template: tpl }) : undefined}
            aria-label={`${m.weekday[weekday]} ${m.period[tpl.period]} ${tpl.startTime}-${tpl.endTime}`}
            style={{
              display: 'block', width: '100%', textAlign: 'left', font: 'inherit', cursor: manage ? 'pointer' : 'default', borderRadius: 6, padding: '2px 6px',
              border: '1px solid #d9d9d9', background: tpl.active ? '#fff' : '#fafafa', opacity: tpl.active ? 1 : 0.6,
            }}>
            <div><Typography.Text strong>{m.period[tpl.period]}</Typography.Text> {tpl.startTime}–{tpl.endTime}</div>
            <div style={{ fontSize: 12, color: '#595959' }}>{t.cellSummary(tpl.capacity, quotaTotal(tpl.channelQuotas), tpl.reservedFollowup + tpl.reservedReferral)}</div>
            {!tpl.active || tpl.runsOnHolidays ? (
              <div>
                {!tpl.active ? <Tag>{t.inactive}</Tag> : null}
                {tpl.runsOnHolidays ? <Tag color="orange">{t.holidayOn}</Tag> : null}
              </div>
            ) : null}
          </button>
        </Tooltip>
      ))}
      {manage ? (
        <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => setTarget({ resourceId: r.id, weekday })} aria-label={`${t.addHere} ${r.name} ${m.weekday[weekday]}`}>
          {t.addHere}
        </Button>
      ) : null}
    </Flex>
  );

  return (
    <>
      <PageHeader title={t.title} subtitle={t.subtitle}
        extra={manage ? <Button type="primary" icon={<ThunderboltOutlined />} onClick={() => setGenerating(true)}>{t.generate}</Button> : null} />
      <Card variant="borderless">
        <Flex gap={12} wrap style={{ marginBottom: 16 }} align="center">
          <DepartmentSelect value={departmentId} onChange={setDepartmentId} allowClear={false} onlyWithResources placeholder={m.common.selectDepartment} />
          <Checkbox checked={showInactive} onChange={(e) => setShowInactive(e.target.checked)}>{t.showInactive}</Checkbox>
        </Flex>
        <ProblemAlert error={resources.error ?? templates.error} onRetry={() => { resources.reload(); templates.reload(); }} />
        {departmentId && !resources.loading && !(resources.data ?? []).length ? <Empty description={t.empty} /> : (
          <Table<Resource> rowKey="id" size="small" bordered pagination={false} loading={resources.loading || templates.loading} dataSource={resources.data ?? []}
            scroll={{ x: 1100 }}
            columns={[
              {
                title: t.resource, fixed: 'left', width: 200,
                render: (_, r) => (
                  <>
                    <div>{r.name}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {r.kind === 'clinic' ? m.level[r.clinicLevel ?? ''] : m.modality[r.modality ?? '']}{r.room ? ` · ${r.room}` : ''}
                    </Typography.Text>
                  </>
                ),
              },
              ...WEEKDAYS.map((d) => ({ title: m.weekday[d], key: String(d), width: 140, render: (_: unknown, r: Resource) => cell(r, d) })),
            ]}
          />
        )}
      </Card>
      <TemplateModal target={target} resources={resources.data ?? []} onClose={() => setTarget(null)} onSaved={() => { setTarget(null); templates.reload(); }} />
      <GenerateModal open={generating} departmentId={departmentId} onClose={() => setGenerating(false)} onDone={() => undefined} />
    </>
  );
}
