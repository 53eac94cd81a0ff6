import type { ScopedClient } from '@kangyun/kernel';
import { DEFAULT_TEMPLATES, HOSPITAL_TZ, type CallKind } from '../constants.js';
import { lastEventId, queueState } from '../events/publish.js';
import type { CallInfo, QueueState } from '../events/types.js';
import type { DeviceRow } from './devices.js';

export interface DisplayRoom {
  id: number;
  name: string;
  /** the scheduling room text events carry */
  match: string;
  areaId: number | null;
  /** who works there now (or next today): 诊室小屏 shows it */
  doctor: { name: string; title: string | null; level: string | null; resource: string } | null;
}

export interface DisplayArea {
  id: number;
  name: string;
  preparePlace: string | null;
  templates: Record<CallKind, { template: string; repeat: number }>;
}

export interface DisplaySnapshot {
  eventId: number;
  device: { id: number; name: string; kind: string; voice: boolean };
  institutionName: string;
  today: string;
  serverTime: string;
  areas: DisplayArea[];
  rooms: DisplayRoom[];
  /** today's queues served in these rooms (without the full order) */
  queues: Omit<QueueState, 'order'>[];
  /** latest calls in these rooms today, newest first */
  recentCalls: CallInfo[];
}

/** the rooms a screen shows: those listed, and every room of its areas */
export async function deviceRooms(db: ScopedClient, device: DeviceRow): Promise<DisplayRoom[]> {
  const { rows } = await db.query({
    name: 'queue.device-rooms',
    text: `SELECT r.id, r.name, r.match, r.area_id AS "areaId",
             (SELECT jsonb_build_object('name', acc.display_name, 'title', acc.title, 'level', COALESCE(s.clinic_level, res.clinic_level), 'resource', res.name)
              FROM sched_session s JOIN sched_resource res ON res.id = s.resource_id
              LEFT JOIN account acc ON acc.id = COALESCE(s.practitioner_id, res.practitioner_id)
              WHERE s.institution_id = r.institution_id AND s.service_date = (now() AT TIME ZONE '${HOSPITAL_TZ}')::date
                AND COALESCE(s.room, res.room) = r.match AND s.status = 'open'
              ORDER BY (s.ends_at < now()), s.starts_at LIMIT 1) AS doctor
           FROM queue_room r
           WHERE r.institution_id = $1 AND (r.id = ANY($2) OR r.area_id = ANY($3))
           ORDER BY r.sort, r.id`,
    values: [device.institutionId, device.roomIds, device.areaIds],
  });
  return rows;
}

export async function displaySnapshot(db: ScopedClient, device: DeviceRow): Promise<DisplaySnapshot> {
  // the id first: whatever commits after it arrives as a live event too (screens apply events idempotently)
  const eventId = await lastEventId(db);
  const rooms = await deviceRooms(db, device);
  const matches = rooms.map((r) => r.match);
  const areaIds = [...new Set([...device.areaIds, ...rooms.map((r) => r.areaId).filter((id): id is number => id !== null)])];
  const { rows: areaRows } = await db.query(
    `SELECT a.id, a.name, a.prepare_place AS "preparePlace",
       (SELECT jsonb_object_agg(k.kind, jsonb_build_object('template', COALESCE(own.template, inst.template), 'repeat', COALESCE(own.repeat, inst.repeat)))
        FROM unnest(ARRAY['call', 'recall', 'prepare']) AS k(kind)
        LEFT JOIN announcement_template own ON own.area_id = a.id AND own.kind = k.kind
        LEFT JOIN announcement_template inst ON inst.institution_id = a.institution_id AND inst.area_id IS NULL AND inst.kind = k.kind) AS templates
     FROM waiting_area a WHERE a.institution_id = $1 AND a.id = ANY($2) ORDER BY a.id`,
    [device.institutionId, areaIds]);
  const areas: DisplayArea[] = areaRows.map((a) => ({ ...a, templates: withDefaults(a.templates) }));
  const { rows: queueRows } = await db.query(
    `SELECT id FROM queue WHERE institution_id = $1 AND service_date = (now() AT TIME ZONE '${HOSPITAL_TZ}')::date AND rooms && $2::text[] ORDER BY id`,
    [device.institutionId, matches]);
  const queues: Omit<QueueState, 'order'>[] = [];
  for (const q of queueRows) {
    const { order: _order, ...state } = await queueState(db, q.id);
    queues.push(state);
  }
  const recentCalls = await recentCallsIn(db, device.institutionId, matches, 10);
  const { rows: inst } = await db.query(
    `SELECT name, to_char((now() AT TIME ZONE '${HOSPITAL_TZ}')::date, 'YYYY-MM-DD') AS today, now() AS now FROM org_unit WHERE id = $1`, [device.institutionId]);
  return {
    eventId,
    device: { id: device.id, name: device.name, kind: device.kind, voice: device.voice },
    institutionName: inst[0].name,
    today: inst[0].today,
    serverTime: (inst[0].now as Date).toISOString(),
    areas,
    rooms,
    queues,
    recentCalls,
  };
}

/** the latest calls of today in some rooms, newest first; `afterEventId` for what a screen missed */
export async function recentCallsIn(db: ScopedClient, institutionId: number, rooms: string[], limit: number, afterEventId?: number, withinSeconds?: number): Promise<CallInfo[]> {
  const { rows } = await db.query(
    `SELECT id AS "callId", kind, entry_id AS "entryId", queue_id AS "queueId", ticket_no AS ticket, display_name AS name, room, place, called_at AS at, event_id AS "eventId"
     FROM queue_call
     WHERE institution_id = $1 AND service_date = (now() AT TIME ZONE '${HOSPITAL_TZ}')::date AND room = ANY($2)
       AND ($4::bigint IS NULL OR event_id > $4) AND ($5::int IS NULL OR called_at > now() - make_interval(secs => $5))
     ORDER BY id DESC LIMIT $3`,
    [institutionId, rooms, limit, afterEventId ?? null, withinSeconds ?? null]);
  return rows.map((r) => ({ ...r, at: (r.at as Date).toISOString() }));
}

function withDefaults(stored: Record<string, { template: string | null; repeat: number | null }> | null): DisplayArea['templates'] {
  const out = { ...DEFAULT_TEMPLATES };
  for (const kind of Object.keys(out) as CallKind[]) {
    const s = stored?.[kind];
    out[kind] = { template: s?.template ?? DEFAULT_TEMPLATES[kind].template, repeat: s?.repeat ?? DEFAULT_TEMPLATES[kind].repeat };
  }
  return out;
}
