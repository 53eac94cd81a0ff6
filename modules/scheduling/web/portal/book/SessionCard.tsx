import { Avatar, Button, Tag } from 'antd';
import { useLang, useMessages } from '@kangyun/web-shell/i18n';
import { dateTime, hhmm } from '../format';
import { portalMessages } from '../messages';
import type { PortalSession } from '../types';

const LEVEL_COLOR = { general: 'blue', expert: 'gold', special: 'volcano' } as const;

/** one doctor's clinic on a day: who, level and fee, when and where, and what the phone can do with it */
export function SessionCard({ session: s, onBook, onWaitlist }: { session: PortalSession; onBook?: () => void; onWaitlist?: () => void }) {
  const m = useMessages(portalMessages);
  const lang = useLang();
  const who = s.practitionerName ?? s.resourceName;
  return (
    <div className="m-row" style={{ cursor: s.state === 'bookable' && onBook ? 'pointer' : 'default', alignItems: 'flex-start' }} data-testid="session"
      onClick={s.state === 'bookable' ? onBook : undefined}>
      <Avatar size={44} style={{ background: '#e6f0ff', color: '#1668dc', flex: 'none' }}>{who.slice(0, 1)}</Avatar>
      <div className="m-row-main">
        <div className="m-row-title">
          {who}
          {s.practitionerTitle ? <span style={{ fontSize: 13, color: '#8c8c8c', fontWeight: 400, marginLeft: 6 }}>{s.practitionerTitle}</span> : null}
        </div>
        <div style={{ marginTop: 4 }}>
          {s.clinicLevel ? <Tag color={LEVEL_COLOR[s.clinicLevel]}>{m.levels[s.clinicLevel]}{s.fee !== null ? ` ${m.fee(s.fee)}` : ''}</Tag> : null}
          {s.substituted ? <Tag color="purple">{m.substituted}</Tag> : null}
        </div>
        <div className="m-row-sub">{m.periods[s.period]} {hhmm(s.startsAt)}–{hhmm(s.endsAt)}{s.room ? ` · ${s.room}` : ''}</div>
        {s.statusReason && s.state === 'closed' ? <div className="m-row-sub">{s.statusReason}</div> : null}
      </div>
      <div style={{ flex: 'none', display: 'flex', flexDirection: 'column', alignItems: 'flex-end', gap: 6 }}>
        {s.state === 'bookable' ? (
          <>
            <span style={{ color: '#52c41a', fontSize: 13 }}>{m.free(s.free)}</span>
            <Button type="primary" onClick={(e) => { e.stopPropagation(); onBook?.(); }}>{m.book}</Button>
          </>
        ) : s.state === 'full' ? (
          <>
            <Tag style={{ marginInlineEnd: 0 }}>{m.full}</Tag>
            {onWaitlist ? <Button onClick={onWaitlist}>{m.waitlist}</Button> : null}
          </>
        ) : s.state === 'not_open' ? (
          <Tag color="orange" style={{ marginInlineEnd: 0 }}>{m.notOpen(dateTime(s.opensAt, lang))}</Tag>
        ) : (
          <Tag color={s.suspended ? 'red' : undefined} style={{ marginInlineEnd: 0 }}>{s.suspended ? m.suspended : m.closed}</Tag>
        )}
      </div>
    </div>
  );
}
