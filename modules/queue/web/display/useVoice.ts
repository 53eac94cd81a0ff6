import { useCallback, useEffect, useRef, useState } from 'react';
import { AnnouncementQueue, DEFAULT_TEMPLATE, renderAnnouncement } from '../voice';
import type { CallInfo, DisplaySnapshot } from '../types';

/**
 * The screen's voice (语音播报): one announcement queue per screen, so the calls of its waiting
 * area are spoken one at a time in call order (the call id), never overlapping, each with its
 * area's template and repetition. Sound needs one click first (browser autoplay policy).
 */
export function useVoice(snapshot: DisplaySnapshot | null) {
  const enabled = !!snapshot?.device.voice;
  const queueRef = useRef<AnnouncementQueue<CallInfo> | null>(null);
  const snapshotRef = useRef(snapshot);
  snapshotRef.current = snapshot;
  const [unlocked, setUnlocked] = useState(false);
  const [speaking, setSpeaking] = useState<number | null>(null);

  useEffect(() => {
    if (!enabled) return;
    const queue = new AnnouncementQueue<CallInfo>({ repeat: 2 });
    queueRef.current = queue;
    setUnlocked(queue.unlocked);
    const offs = [
      queue.on('unlocked', (value) => setUnlocked(value)),
      queue.on('start', (e) => setSpeaking(e.announcement.data?.callId ?? null)),
      queue.on('idle', () => setSpeaking(null)),
    ];
    return () => {
      offs.forEach((off) => off());
      queue.dispose();
      queueRef.current = null;
    };
  }, [enabled]);

  const announce = useCallback((call: CallInfo) => {
    const queue = queueRef.current;
    const snap = snapshotRef.current;
    if (!queue || !snap) return;
    const room = snap.rooms.find((r) => r.match === call.room);
    if (!room) return;
    const area = snap.areas.find((a) => a.id === room.areaId) ?? snap.areas[0];
    const setting = area?.templates[call.kind] ?? { template: DEFAULT_TEMPLATE, repeat: 2 };
    const text = renderAnnouncement(setting.template, {
      number: call.ticket, name: call.name, room: room.name, place: call.place ?? area?.preparePlace ?? room.name, doctor: room.doctor?.name, queue: null,
    });
    queue.enqueue({ id: call.callId, seq: call.callId, text, repeat: setting.repeat, data: call });
  }, []);

  const unlock = useCallback(() => {
    void queueRef.current?.unlock();
  }, []);

  return { enabled, unlocked, speaking, announce, unlock };
}
