import { Tag, Typography } from 'antd';
import { useMessages } from '@kangyun/web-shell/i18n';
import { hm } from '../common/time';
import { planningMessages } from '../messages';
import type { SessionSummary } from '../types';

export const STATUS_COLOURS: Record<SessionSummary['status'], { border: string; background: string; tag: string }> = {
  open: { border: '#95de64', background: '#f6ffed', tag: 'green' },
  suspended: { border: '#ff7875', background: '#fff1f0', tag: 'red' },
  cancelled: { border: '#d9d9d9', background: '#fafafa', tag: 'default' },
};

/** one session in the calendar: hours, booked/free numbers and status, coloured by status */
export function SessionCard({ session, onOpen }: { session: SessionSummary; onOpen: () => void }) {
  const m = useMessages(planningMessages);
  const c = STATUS_COLOURS[session.status];
  // exam sessions are booked by time (检查预约), not by numbered slots
  const full = session.kind === 'clinic' && session.status === 'open' && session.free === 0;
  return (
    <button type="button" onClick={onOpen} className="sched-session-card"
      aria-label={`${session.resourceName} ${session.serviceDate} ${m.period[session.period]} ${m.sessionStatus[session.status]}`}
      style={{ display: 'block', width: '100%', textAlign: 'left', cursor: 'pointer', border: `1px solid ${c.border}`, borderLeftWidth: 4, background: c.background, borderRadius: 6, padding: '4px 6px', marginBottom: 4, font: 'inherit' }}>
      <div>
        <Typography.Text strong>{m.period[session.period]}</Typography.Text> {hm(session.startsAt)}–{hm(session.endsAt)}
      </div>
      <div style={{ fontSize: 12 }}>
        {session.kind === 'exam' ? `${m.calendar.capacity} ${session.capacity}` : (
          <>
            {m.calendar.booked} {session.booked}/{session.capacity} · <span style={{ color: full ? '#cf1322' : undefined }}>{m.calendar.free} {session.free}</span>
            {session.waiting ? ` · ${m.calendar.waiting} ${session.waiting}` : ''}
          </>
        )}
      </div>
      <div>
        {session.status !== 'open' ? <Tag color={c.tag}>{m.sessionStatus[session.status]}</Tag> : null}
        {session.substitutedFrom ? <Tag color="purple">{m.calendar.substituted} {session.practitionerName}</Tag> : null}
        {session.source === 'temporary' ? <Tag color="cyan">{m.calendar.temporaryTag}</Tag> : null}
      </div>
    </button>
  );
}
