import { useEffect } from 'react';
import { useMessages } from '@kangyun/web-shell/i18n';
import { queueMessages } from '../messages';
import { useDisplay } from './useDisplay';
import { DisplayFrame, DisplayNotice } from './DisplayParts';
import { callText } from './callText';
import type { RoomView } from './useDisplayModel';

/**
 * 候诊大屏: every room of the screen's waiting areas with the patient called there and the next
 * ones, the latest calls (the newest highlighted and announced), live and with voice.
 */
export default function BigScreenPage() {
  const d = useDisplay();
  const m = useMessages(queueMessages);
  useEffect(() => { document.title = d.snapshot?.device.name ?? m.deviceKind.big_screen; }, [d.snapshot, m]);
  if (d.device !== 'ok' || !d.snapshot) return <DisplayNotice device={d.device} connecting={!d.snapshot} />;
  const title = `${d.snapshot.institutionName} · ${d.snapshot.areas.map((a) => a.name).join('、') || d.snapshot.device.name}`;
  return (
    <DisplayFrame title={title} serverTime={d.snapshot.serverTime} status={d.status} voice={d.voice} flash={d.flash} flashText={(c) => callText(d.snapshot, c)}>
      <div className="qd-body">
        <div className="qd-rooms">
          {d.rooms.map((r) => <RoomCard key={r.room.id} view={r} flash={d.flash?.room === r.room.match} />)}
        </div>
        <aside className="qd-side" data-testid="recent-calls">
          <h2>{m.display.latest}</h2>
          {d.recent.slice(0, 8).map((c, i) => (
            <div key={c.callId} className="qd-call" data-latest={i === 0} data-speaking={d.voice.speaking === c.callId}>
              <span>{m.ticket(c.ticket)} {c.name}</span>
              <span>{d.roomName(c.room)}</span>
            </div>
          ))}
        </aside>
      </div>
    </DisplayFrame>
  );
}

function RoomCard({ view, flash }: { view: RoomView; flash: boolean }) {
  const m = useMessages(queueMessages);
  const { room, current, next, waiting } = view;
  const doctor = room.doctor;
  return (
    <section className="qd-room" data-testid="room-card" data-room={room.name} data-flash={flash}>
      <div className="qd-room-name">
        <span>{room.name}</span>
        <span className="qd-count">{m.display.waiting(waiting)}</span>
      </div>
      {doctor ? (
        <div className="qd-room-doctor">
          {doctor.name} {doctor.title ?? ''} {doctor.level ? `· ${m.display.levels[doctor.level] ?? ''}` : ''}
        </div>
      ) : null}
      <div className="qd-label">{m.display.current}</div>
      <div className="qd-current" data-testid="room-current" data-status={current?.status ?? ''}>
        {current ? `${m.ticket(current.ticket)} ${current.name}` : m.display.idle}
      </div>
      <div className="qd-label">{m.display.next}</div>
      <div className="qd-next" data-testid="room-next">
        {next.slice(0, 3).map((n) => (
          <div key={n.entryId} className="qd-next-item">
            <span>{m.ticket(n.ticket)} {n.name}</span>
            {n.priority ? <span className="qd-tag">{m.priority[n.priority]}</span> : m.reason[n.reason] ? <span className="qd-tag">{m.reason[n.reason]}</span> : null}
          </div>
        ))}
        {next.length === 0 ? <span>{m.display.idle}</span> : null}
      </div>
    </section>
  );
}
