import type { CallInfo, DisplaySnapshot } from '../types';

const PLACEHOLDER = /\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\|\s*(?:auto|cardinal|digits)\s*)?\}/g;

/** The banner text of a call: the area's announcement template with the call's values, as written (digits stay digits). */
export function callText(snapshot: DisplaySnapshot | null, call: CallInfo): string {
  const room = snapshot?.rooms.find((r) => r.match === call.room);
  const area = snapshot?.areas.find((a) => a.id === room?.areaId) ?? snapshot?.areas[0];
  const template = area?.templates[call.kind]?.template ?? '请{number}号{name}到{room}就诊';
  const roomName = room?.name ?? call.room ?? '';
  const values: Record<string, string> = {
    number: ` ${call.ticket} `, name: ` ${call.name} `, room: ` ${roomName} `, place: ` ${call.place ?? area?.preparePlace ?? roomName} `,
    doctor: room?.doctor?.name ?? '', queue: '',
  };
  return template.replace(PLACEHOLDER, (_m, key: string) => values[key] ?? '').replace(/\s+/g, ' ').trim();
}
