import { Button, Empty, Flex, Tag, Typography } from 'antd';
import { useMessages } from '@kangyun/web-shell/i18n';
import { segment } from './format';
import { deskMessages } from './messages';
import type { Session } from './types';
import './desk.css';

const LEVEL_COLORS: Record<string, string> = { general: 'default', expert: 'blue', special: 'purple' };

export function sessionOpen(s: Session, now = Date.now()): 'open' | 'not_open' | 'closed' {
  if (now < Date.parse(s.opensAt)) return 'not_open';
  if (now >= Date.parse(s.closesAt)) return 'closed';
  return 'open';
}

/** The day's sessions of the department: doctor, level (普通/专家/特需), time, fee, room and free numbers per channel. */
export function SessionList({ sessions, selected, onSelect }: { sessions: Session[]; selected: number | null; onSelect: (s: Session) => void }) {
  const m = useMessages(deskMessages);
  if (!sessions.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m.noSessions} />;
  return (
    <Flex gap={8} wrap data-testid="desk-sessions" className="desk-session-list">
      {sessions.map((s) => {
        const state = sessionOpen(s);
        return (
          <Button
            key={s.id}
            className={`desk-session${selected === s.id ? ' desk-session-active' : ''}`}
            style={{ width: 250 }}
            disabled={state === 'closed'}
            aria-pressed={selected === s.id}
            data-session={s.id}
            onClick={() => onSelect(s)}
          >
            <Flex vertical gap={2} style={{ width: '100%' }}>
              <Flex justify="space-between" align="center" gap={4}>
                <b>{s.practitionerName ?? s.resourceName}</b>
                <span>
                  {s.clinicLevel ? <Tag color={LEVEL_COLORS[s.clinicLevel]} style={{ marginInlineEnd: 0 }}>{m.levels[s.clinicLevel]}</Tag> : null}
                  {s.substitutedFrom ? <Tag color="orange" style={{ marginInlineStart: 4, marginInlineEnd: 0 }}>{m.substituted}</Tag> : null}
                </span>
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {s.practitionerTitle ?? ''} {m.periods[s.period]} {segment(s.startsAt, s.endsAt)} · {m.fee(s.fee)}
              </Typography.Text>
              {s.room ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{s.room}</Typography.Text> : null}
              <Flex gap={6} wrap style={{ fontSize: 12 }}>
                <Typography.Text type={s.freeForChannel > 0 ? 'success' : 'danger'} strong>{m.freeWindow(s.freeForChannel)}</Typography.Text>
                <span>{m.freeAll(s.free, s.capacity)}</span>
                {s.waiting ? <span>{m.waiting(s.waiting)}</span> : null}
                {state === 'not_open' ? <Tag>{m.notOpen}</Tag> : state === 'closed' ? <Tag>{m.closed}</Tag> : null}
              </Flex>
            </Flex>
          </Button>
        );
      })}
    </Flex>
  );
}
