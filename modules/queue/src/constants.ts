/** Service days are the hospital's local days (as in scheduling). */
export const HOSPITAL_TZ = 'Asia/Shanghai';

export const ENTRY_STATUSES = ['waiting', 'called', 'in_service', 'on_hold', 'missed', 'done', 'transferred'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

/** statuses in which a patient is still in the queue (on the screens and in "people ahead") */
export const ACTIVE_STATUSES: readonly EntryStatus[] = ['waiting', 'called', 'in_service', 'on_hold'];

/** why an entry sits where it does (shown in the calling panel: 迟到/过号/回诊/优先…) */
export const ENTRY_REASONS = ['normal', 'late', 'missed', 'return', 'transfer', 'requeue', 'addon', 'skipped'] as const;
export type EntryReason = (typeof ENTRY_REASONS)[number];

export const PRIORITY_GROUPS = ['emergency', 'military', 'disabled', 'elderly'] as const;
export type PriorityGroup = (typeof PRIORITY_GROUPS)[number];
/** rank of an entry without priority: after every priority group */
export const NO_PRIORITY_RANK = 100;

export const CHECKIN_CHANNELS = ['desk', 'kiosk', 'qr', 'doctor', 'partner'] as const;
export type CheckinChannel = (typeof CHECKIN_CHANNELS)[number];

export const CALL_KINDS = ['call', 'recall', 'prepare'] as const;
export type CallKind = (typeof CALL_KINDS)[number];

export const DEVICE_KINDS = ['big_screen', 'door_screen', 'kiosk'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/** what a template may say: {number} {name} {room} {place} {doctor} {queue}, optionally {room|digits} */
export const TEMPLATE_KEYS = ['number', 'name', 'room', 'place', 'doctor', 'queue'] as const;

/** the announcements when nobody configured one (also the voice module's default) */
export const DEFAULT_TEMPLATES: Record<CallKind, { template: string; repeat: number }> = {
  call: { template: '请{number}号{name}到{room}就诊', repeat: 2 },
  recall: { template: '请{number}号{name}到{room}就诊', repeat: 2 },
  prepare: { template: '请{number}号{name}到{place}准备', repeat: 1 },
};

/** 张三丰 → 张*丰, 李四 → 李*: screens and lists never show a full name */
export function maskName(name: string | null | undefined): string {
  const chars = [...(name ?? '').trim()];
  if (chars.length <= 1) return chars.join('') || '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}
