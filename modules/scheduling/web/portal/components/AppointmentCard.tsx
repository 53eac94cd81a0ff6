import { Button } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useLang, useMessages } from '@kangyun/web-shell/i18n';
import { dateLabel, hhmm } from '../format';
import { portalMessages } from '../messages';
import type { PortalAppointment } from '../types';
import { StatusTag } from './StatusTag';

/** one booking in 我的预约: when, where, which number, its state, and what the patient can still do */
export function AppointmentCard({ appointment: a, onCancel }: { appointment: PortalAppointment; onCancel: (a: PortalAppointment) => void }) {
  const m = useMessages(portalMessages);
  const lang = useLang();
  const navigate = useNavigate();
  return (
    <div className="m-card" data-testid="appointment" data-id={a.id}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
        <div className="m-row-title">{dateLabel(a.serviceDate, lang, m.weekdays)} {m.periods[a.period]} {hhmm(a.startsAt)}</div>
        <StatusTag status={a.status} />
      </div>
      <div className="m-row-sub" style={{ marginTop: 6 }}>{a.institutionName}</div>
      <div style={{ marginTop: 2 }}>
        {a.departmentName} · {a.practitionerName ?? a.resourceName}
        {a.clinicLevel ? ` · ${m.levels[a.clinicLevel]}` : ''}
      </div>
      <div className="m-row-sub">{m.numberValue(a.seq)}{a.room ? ` · ${a.room}` : ''}</div>
      <div className="m-actions">
        <Button size="large" onClick={() => navigate(`/m/appointments/${a.id}`)}>{m.detail}</Button>
        {a.changeable ? <Button size="large" onClick={() => navigate(`/m/book?reschedule=${a.id}`)}>{m.reschedule}</Button> : null}
        {a.changeable ? <Button size="large" danger onClick={() => onCancel(a)}>{m.cancel}</Button> : null}
      </div>
    </div>
  );
}
