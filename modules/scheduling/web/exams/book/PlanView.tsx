import { Alert, Card, Flex, List, Tag, Timeline, Typography } from 'antd';
import { ClockCircleOutlined, StopOutlined } from '@ant-design/icons';
import { useMessages } from '@kangyun/web-shell/i18n';
import { hhmm, weekday } from '../format';
import { examMessages } from '../messages';
import type { PlanProposal, PlanVisit } from '../types';

function VisitLine({ v }: { v: PlanVisit }) {
  const m = useMessages(examMessages);
  return (
    <div data-testid="plan-visit">
      <Flex gap={8} wrap align="baseline">
        <Typography.Text strong className="mono">{hhmm(v.startsAt)}–{hhmm(v.endsAt)}</Typography.Text>
        <Typography.Text strong>{v.items.map((i) => i.name).join(' + ')}</Typography.Text>
        {v.items.length > 1 ? <Tag color="green">{m.kinds.same_visit}</Tag> : null}
        <Typography.Text type="secondary">{v.departmentName} · {v.room ?? v.resourceName}</Typography.Text>
      </Flex>
      {v.items.map((i) => (
        <div key={i.id} style={{ fontSize: 12, color: '#595959', marginTop: 2 }}>
          <b>{m.prep}</b>（{i.name}）：{i.preparation || m.noPrep}
        </div>
      ))}
    </div>
  );
}

/** the proposed plan as a timeline by day, the alternatives rules blocked, and what could not be placed */
export function PlanView({ plan }: { plan: PlanProposal }) {
  const m = useMessages(examMessages);
  const days = [...new Set(plan.visits.map((v) => v.serviceDate))];
  return (
    <Flex vertical gap={16}>
      <Flex gap={8} wrap>
        <Tag color="blue">{m.planDays(plan.days.length)}</Tag>
        <Tag>{m.planVisits(plan.visits.length)}</Tag>
        {!plan.optimal && plan.complete ? <Typography.Text type="secondary">{m.notOptimal}</Typography.Text> : null}
      </Flex>
      {plan.unplaced.length ? (
        <Alert type="error" showIcon title={m.unplaced} data-testid="plan-unplaced"
          description={<ul style={{ margin: 0, paddingLeft: 18 }}>{plan.unplaced.map((u) => <li key={u.examItemIds.join()}>{u.itemNames}：{u.reasons.map((r) => r.message).join('；')}</li>)}</ul>} />
      ) : null}
      <Timeline
        items={days.map((d) => ({
          dot: <ClockCircleOutlined />,
          children: (
            <div>
              <Typography.Title level={5} style={{ marginTop: 0 }}>{d}（{m.weekdayLabel(weekday(d))}）</Typography.Title>
              <Flex vertical gap={10}>{plan.visits.filter((v) => v.serviceDate === d).map((v) => <VisitLine key={`${v.sessionId}-${v.startsAt}`} v={v} />)}</Flex>
            </div>
          ),
        }))}
      />
      {plan.blocked.length ? (
        <Card size="small" title={m.blocked} extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{m.blockedHint}</Typography.Text>}>
          <List size="small" dataSource={plan.blocked} data-testid="plan-blocked"
            renderItem={(b) => <List.Item><StopOutlined style={{ color: '#cf1322', marginRight: 8 }} />{b.message}</List.Item>} />
        </Card>
      ) : null}
    </Flex>
  );
}
