import type { Extension, Slot } from '@medplum/fhirtypes';
import { orValues, splitModifier, sqlParams, tokenCodes, type Bind, type FhirResourceProvider, type FhirSearchParamDef } from '@kangyun/kernel';
import { codesIn, dateCondition, idsIn, noModifier } from './search-sql.js';
import {
  ADD_ON_EXTENSION, CHANNEL_EXTENSION, NUMBER_SYSTEM, ORG_CODE_SYSTEM, RESERVED_FOR_EXTENSION, RESERVED_UNTIL_EXTENSION, SEQ_EXTENSION, SERVICE_TYPE_SYSTEM,
  serviceType, specialty,
} from './systems.js';

interface SlotRow {
  id: number; session_id: number; seq: number; starts_at: Date; ends_at: Date; channel: string | null;
  reserved_for: string | null; reserved_until: Date | null; add_on: boolean; fhir_status: Slot['status'];
  resource_id: number; clinic_level: string | null; department_code: string | null; department_name: string;
}

/**
 * A number's state for everyone: a lapsed hold is free again, and every number of a suspended or
 * cancelled session (停诊) is unavailable. Whether a given channel may book a free number (quotas,
 * reservations) is what $find answers.
 */
const FHIR_STATUS = `CASE WHEN s.status <> 'open' THEN 'busy-unavailable'
    WHEN sl.status = 'booked' THEN 'busy'
    WHEN sl.status = 'held' AND sl.hold_expires_at > now() THEN 'busy-tentative'
    ELSE 'free' END`;

const STATUS_SQL: Record<string, string> = {
  free: `(s.status = 'open' AND (sl.status = 'free' OR (sl.status = 'held' AND sl.hold_expires_at <= now())))`,
  busy: `(s.status = 'open' AND sl.status = 'booked')`,
  'busy-tentative': `(s.status = 'open' AND sl.status = 'held' AND sl.hold_expires_at > now())`,
  'busy-unavailable': `(s.status <> 'open')`,
};

const SEARCH_PARAMS: FhirSearchParamDef[] = [
  { name: '_id', type: 'token', documentation: 'logical id (the number)' },
  { name: 'identifier', type: 'token', documentation: `号: ${NUMBER_SYSTEM}|{session}-{seq}` },
  { name: 'schedule', type: 'reference', documentation: 'Schedule/{id}: the bookable resource' },
  { name: 'start', type: 'date', documentation: '号的时段开始时间（不带时区时按医院当地时间）/ the start of the number\'s time segment; without a zone, hospital local time' },
  { name: 'status', type: 'token', documentation: 'free | busy | busy-tentative (锁号中) | busy-unavailable (停诊)' },
  { name: 'service-type', type: 'token', documentation: `${SERVICE_TYPE_SYSTEM}|general|expert|special` },
  { name: 'specialty', type: 'token', documentation: `科室代码 / department code, ${ORG_CODE_SYSTEM}|H001-CAR` },
];

function condition(key: string, value: string, bind: Bind): string {
  const { name, modifier } = splitModifier(key);
  noModifier(modifier, name === 'schedule' ? ['Schedule'] : []);
  switch (name) {
    case '_id': return `sl.id = ANY(${bind(orValues(value).filter((v) => /^\d{1,15}$/.test(v)).map(Number))}::bigint[])`;
    case 'identifier': {
      const codes = tokenCodes(value, NUMBER_SYSTEM);
      if (codes === 'all') return 'true';
      const parts = codes.map((c) => /^(\d{1,15})-(\d{1,9})$/.exec(c)).filter((m) => m !== null)
        .map((m) => `(sl.session_id = ${bind(Number(m![1]))} AND sl.seq = ${bind(Number(m![2]))})`);
      return parts.length ? `(${parts.join(' OR ')})` : 'false';
    }
    case 'schedule': return idsIn('s.resource_id', value, 'Schedule', bind);
    case 'start': return dateCondition('sl.starts_at', value, bind, 's.service_date');
    case 'status': {
      const parts = orValues(value).map((v) => STATUS_SQL[v]).filter(Boolean);
      return parts.length ? `(${parts.join(' OR ')})` : 'false';
    }
    case 'service-type': return codesIn('s.clinic_level', value, SERVICE_TYPE_SYSTEM, bind);
    case 'specialty': return codesIn('d.code', value, ORG_CODE_SYSTEM, bind);
    default: return 'true';
  }
}

function toSlot(r: SlotRow): Slot {
  const extension: Extension[] = [{ url: SEQ_EXTENSION, valueInteger: r.seq }];
  if (r.channel) extension.push({ url: CHANNEL_EXTENSION, valueCode: r.channel });
  if (r.reserved_for) {
    extension.push({ url: RESERVED_FOR_EXTENSION, valueCode: r.reserved_for });
    if (r.reserved_until) extension.push({ url: RESERVED_UNTIL_EXTENSION, valueDateTime: r.reserved_until.toISOString() });
  }
  if (r.add_on) extension.push({ url: ADD_ON_EXTENSION, valueBoolean: true });
  return {
    resourceType: 'Slot',
    id: String(r.id),
    extension,
    identifier: [{ system: NUMBER_SYSTEM, value: `${r.session_id}-${r.seq}` }],
    serviceType: serviceType(r.clinic_level),
    specialty: specialty(r.department_code, r.department_name),
    schedule: { reference: `Schedule/${r.resource_id}` },
    status: r.fhir_status,
    start: r.starts_at.toISOString(),
    end: r.ends_at.toISOString(),
    ...(r.add_on ? { overbooked: true } : {}),
  };
}

const SELECT = `SELECT sl.id, sl.session_id, sl.seq, sl.starts_at, sl.ends_at, sl.channel, sl.reserved_for, sl.reserved_until, sl.add_on,
    ${FHIR_STATUS} AS fhir_status, s.resource_id, s.clinic_level, d.code AS department_code, d.name AS department_name
  FROM sched_slot sl JOIN sched_session s ON s.id = sl.session_id JOIN org_unit d ON d.id = s.department_id`;

/** Slot: one per number (号) of a numbered session; its start and end are the number's time segment (分时段). */
export const slotProvider: FhirResourceProvider = {
  type: 'Slot',
  permissions: { read: 'schedule.read' },
  searchParams: SEARCH_PARAMS,
  async read(ctx, db, id) {
    if (!/^\d{1,15}$/.test(id)) return null;
    // withdrawn add-on numbers (blocked) are not numbers any more
    const { rows } = await db.query(`${SELECT} WHERE sl.id = $1 AND sl.status <> 'blocked' AND s.institution_id = ANY($2::bigint[])`, [Number(id), ctx.actor.regionInstitutions]);
    return rows[0] ? toSlot(rows[0]) : null;
  },
  async search(ctx, db, req) {
    const { values, bind } = sqlParams();
    const where = [`sl.status <> 'blocked'`, `s.institution_id = ANY(${bind(ctx.actor.regionInstitutions)}::bigint[])`, ...req.params.map(([k, v]) => condition(k, v, bind))];
    const { rows } = await db.query(
      `${SELECT.replace('SELECT', 'SELECT count(*) OVER () AS total,')} WHERE ${where.join(' AND ')}
       ORDER BY sl.starts_at, sl.session_id, sl.seq LIMIT ${bind(req.count)} OFFSET ${bind(req.offset)}`, values);
    let total = rows[0] ? Number(rows[0].total) : 0;
    if (!rows.length && req.offset > 0) {
      total = (await db.query(`SELECT count(*)::int AS n FROM sched_slot sl JOIN sched_session s ON s.id = sl.session_id JOIN org_unit d ON d.id = s.department_id
        WHERE ${where.join(' AND ')}`, values.slice(0, -2))).rows[0].n;
    }
    return { resources: rows.map(toSlot), total };
  },
};
