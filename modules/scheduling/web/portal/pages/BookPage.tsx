import { Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useFeedback } from '@kangyun/web-shell/feedback';
import { useRequest } from '@kangyun/web-shell/hooks/useRequest';
import { useMessages } from '@kangyun/web-shell/i18n';
import { portalApi } from '../api';
import { DepartmentStep } from '../book/DepartmentStep';
import { InstitutionStep } from '../book/InstitutionStep';
import { SegmentStep } from '../book/SegmentStep';
import { SessionStep } from '../book/SessionStep';
import { MobileLayout } from '../components/MobileLayout';
import { portalMessages } from '../messages';
import { usePortalFailure } from '../patient';
import type { ClinicLevel, PortalAppointment } from '../types';

/** the steps live in the address (?inst=&dept=&date=&level=&session=), so back, reload and shared links work */
type Step = 'institution' | 'department' | 'session' | 'segment';

/**
 * /m/book: hospital → department → doctor and day → time segment → confirm. With ?reschedule=<id>
 * the same steps move an existing booking (same hospital and department).
 */
export default function BookPage() {
  const m = useMessages(portalMessages);
  const navigate = useNavigate();
  const { modal } = useFeedback();
  const failed = usePortalFailure();
  const [params, setParams] = useSearchParams();
  const num = (k: string) => (params.get(k) && /^\d+$/.test(params.get(k)!) ? Number(params.get(k)) : null);
  const inst = num('inst');
  const dept = num('dept');
  const session = num('session');
  const rescheduleId = num('reschedule');
  const date = params.get('date');
  const level = params.get('level') as ClinicLevel | null;
  const [deptName, setDeptName] = useState<string | null>(null);
  const original = useRequest((signal) => portalApi.appointment(rescheduleId!, signal), [rescheduleId], { enabled: rescheduleId !== null });

  // rescheduling starts in the booking's own department
  useEffect(() => {
    const a = original.data;
    if (a && !dept) setParams({ reschedule: String(a.id), inst: String(a.institutionId), dept: String(a.departmentId) }, { replace: true });
  }, [original.data, dept, setParams]);
  useEffect(() => { if (original.error) failed(original.error); }, [original.error, failed]);

  const step: Step = session ? 'segment' : dept ? 'session' : inst ? 'department' : 'institution';
  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    setParams(next);
  };
  const back = step === 'segment' ? () => update({ session: null })
    : rescheduleId ? `/m/appointments/${rescheduleId}`
    : step === 'session' ? () => update({ dept: null, date: null, level: null })
    : step === 'department' ? () => update({ inst: null }) : undefined;

  const waitlist = (sessionId: number) => modal.confirm({
    title: m.waitlist,
    content: m.segmentsHint,
    okText: m.waitlist,
    onOk: async () => {
      try {
        const entry = await portalApi.joinWaitlist(sessionId);
        modal.success({ title: m.waitlist, content: m.waitlistJoined(entry.position) });
      } catch (error) {
        failed(error);
      }
    },
  });

  const done = (a: PortalAppointment) => navigate(`/m/appointments/${a.id}?done=${rescheduleId ? 'rescheduled' : 'booked'}`, { replace: true });
  const title = rescheduleId ? m.rescheduleTitle : step === 'session' && deptName ? deptName : m.bookTitle;

  return (
    <MobileLayout title={title} back={back}>
      {rescheduleId && !original.data ? <Skeleton active /> : (
        <>
          {step === 'institution' ? <InstitutionStep onPick={(id) => update({ inst: String(id) })} /> : null}
          {step === 'department' ? <DepartmentStep institutionId={inst!} onPick={(id) => update({ dept: String(id) })} /> : null}
          {step === 'session' ? (
            <SessionStep departmentId={dept!} date={date} level={level}
              onDate={(d) => update({ date: d })} onLevel={(l) => update({ level: l })}
              onPick={(s) => update({ session: String(s.id), date: s.serviceDate })}
              onWaitlist={rescheduleId ? undefined : (s) => waitlist(s.id)}
              onLoaded={(d) => setDeptName(d.name)} />
          ) : null}
          {step === 'segment' ? (
            <SegmentStep sessionId={session!} rescheduleOf={original.data ?? null} onDone={done} onWaitlist={() => waitlist(session!)} />
          ) : null}
        </>
      )}
    </MobileLayout>
  );
}
