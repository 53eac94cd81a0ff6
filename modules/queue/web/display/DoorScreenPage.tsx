import { useEffect } from 'react';
import { useMessages } from '@kangyun/web-shell/i18n';
import { queueMessages } from '../messages';
import { useDisplay } from './useDisplay';
import { DisplayFrame, DisplayNotice } from './DisplayParts';
import { callText } from './callText';

/** 诊室小屏: the doctor working in the room, the patient called in, and the next two or three. */
export default function DoorScreenPage() {
  const d = useDisplay();
  const m = useMessages(queueMessages);
  useEffect(() => { document.title = d.snapshot?.device.name ?? m.deviceKind.door_screen; }, [d.snapshot, m]);
  if (d.device !== 'ok' || !d.snapshot) return <DisplayNotice device={d.device} connecting={!d.snapshot} />;
  const view = d.rooms[0];
  const doctor = view?.room.doctor;
  return (
    <DisplayFrame className="qd-door" title={view?.room.name ?? d.snapshot.device.name} serverTime={d.snapshot.serverTime} status={d.status}
      voice={d.voice} flash={d.flash && d.flash.room === view?.room.match ? d.flash : null} flashText={(c) => callText(d.snapshot, c)}>
      <div className="qd-body" data-testid="room-card" data-room={view?.room.name}>
        <div className="qd-door-doctor" data-testid="door-doctor">
          {doctor ? `${doctor.name} ${doctor.title ?? ''}` : ''}
          {doctor?.level ? <span className="qd-label"> · {m.display.levels[doctor.level] ?? ''} · {doctor.resource}</span> : null}
        </div>
        <div className="qd-label">{m.display.current}</div>
        <div className="qd-door-current" data-testid="room-current">
          {view?.current ? `${m.ticket(view.current.ticket)} ${view.current.name}` : m.display.idle}
        </div>
        <div className="qd-label">{m.display.next} · {m.display.waiting(view?.waiting ?? 0)}</div>
        <div className="qd-door-next" data-testid="room-next">
          {(view?.next ?? []).slice(0, 3).map((n) => <div key={n.entryId}>{m.ticket(n.ticket)} {n.name}</div>)}
        </div>
      </div>
    </DisplayFrame>
  );
}
