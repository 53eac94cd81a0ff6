import { Empty, Segmented, Skeleton } from 'antd';
import { useEffect } from 'react';
import { ProblemAlert } from '@kangyun/web-shell/components/ProblemAlert';
import { useRequest } from '@kangyun/web-shell/hooks/useRequest';
import { useLang, useMessages } from '@kangyun/web-shell/i18n';
import { portalApi } from '../api';
import { monthDay, nextDays, shortDate, weekday } from '../format';
import { portalMessages } from '../messages';
import type { ClinicLevel, PortalSession } from '../types';
import { SessionCard } from './SessionCard';

const DAYS = 14;

/** 选择医生和日期: the next 14 days as a strip, 普通/专家/特需 filter, the doctors of the chosen day */
export function SessionStep({ departmentId, date, level, onDate, onLevel, onPick, onWaitlist, onLoaded }: {
  departmentId: number;
  date: string | null;
  level: ClinicLevel | null;
  onDate: (date: string) => void;
  onLevel: (level: ClinicLevel | null) => void;
  onPick: (session: PortalSession) => void;
  onWaitlist?: (session: PortalSession) => void;
  onLoaded?: (department: { name: string; institutionName: string }) => void;
}) {
  const m = useMessages(portalMessages);
  const lang = useLang();
  const data = useRequest((signal) => portalApi.sessions(departmentId, signal), [departmentId]);
  const sessions = (data.data?.sessions ?? []).filter((s) => !level || s.clinicLevel === level);
  const days = nextDays(DAYS);
  const bookableOn = new Set(sessions.filter((s) => s.state === 'bookable').map((s) => s.serviceDate));
  const chosen = date ?? days.find((d) => bookableOn.has(d)) ?? days[0];
  const ofDay = sessions.filter((s) => s.serviceDate === chosen);
  const levels = [...new Set((data.data?.sessions ?? []).map((s) => s.clinicLevel).filter((l): l is ClinicLevel => !!l))];
  const department = data.data?.department;
  useEffect(() => {
    if (department) onLoaded?.(department);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [department]);

  return (
    <>
      <div className="m-section-title">{m.chooseDoctor}</div>
      <div className="m-dates" role="group" aria-label={m.date}>
        {days.map((d, i) => (
          <button key={d} type="button" className="m-date" aria-pressed={d === chosen} onClick={() => onDate(d)} data-date={d} aria-label={monthDay(d, lang)}>
            <small>{i === 0 ? m.today : i === 1 ? m.tomorrow : m.weekdays[weekday(d)]}</small>
            <span>{shortDate(d)}</span>
            {bookableOn.has(d) ? <span className="m-date-free">{m.hasNumbers}</span> : <span className="m-date-none">—</span>}
          </button>
        ))}
      </div>
      {levels.length > 1 ? (
        <Segmented block size="large" style={{ margin: '4px 0 12px' }} value={level ?? 'all'}
          onChange={(v) => onLevel(v === 'all' ? null : (v as ClinicLevel))}
          options={[{ value: 'all', label: m.levelAll }, ...(['general', 'expert', 'special'] as const).filter((l) => levels.includes(l)).map((l) => ({ value: l, label: m.levels[l] }))]} />
      ) : null}
      <ProblemAlert error={data.error} onRetry={data.reload} />
      {data.loading && !data.data ? <Skeleton active avatar /> : null}
      {data.data && !ofDay.length ? <Empty description={m.noSessions} /> : null}
      {ofDay.map((s) => (
        <SessionCard key={s.id} session={s} onBook={() => onPick(s)} onWaitlist={onWaitlist ? () => onWaitlist(s) : undefined} />
      ))}
    </>
  );
}
