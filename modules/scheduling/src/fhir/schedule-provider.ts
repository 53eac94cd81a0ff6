import type { Schedule } from '@medplum/fhirtypes';
import { orValues, splitModifier, sqlParams, type Bind, type FhirResourceProvider, type FhirSearchParamDef } from '@kangyun/kernel';
import { codesIn, idsIn, noModifier } from './search-sql.js';
import { ORG_CODE_SYSTEM, SERVICE_TYPE_SYSTEM, serviceType, specialty } from './systems.js';

interface ResourceRow {
  id: number; kind: 'clinic' | 'exam'; name: string; active: boolean; room: string | null;
  practitioner_id: number | null; practitioner_name: string | null; clinic_level: string | null; modality: string | null;
  department_id: number; department_code: string | null; department_name: string;
  first_day: string | null; last_day: string | null;
}

const SEARCH_PARAMS: FhirSearchParamDef[] = [
  { name: '_id', type: 'token', documentation: 'logical id (the bookable resource)' },
  { name: 'actor', type: 'reference', documentation: '医生 Practitioner/{id} 或科室 Location/{id} / the doctor or the department' },
  { name: 'service-type', type: 'token', documentation: `${SERVICE_TYPE_SYSTEM}|general|expert|special (普通/专家/特需门诊) or an exam modality (US, DR, CT, MRI, ECG, ENDO)` },
  { name: 'specialty', type: 'token', documentation: `科室代码 / department code, ${ORG_CODE_SYSTEM}|H001-CAR` },
  { name: 'active', type: 'token', documentation: 'true | false' },
];

function condition(key: string, value: string, bind: Bind): string {
  const { name, modifier } = splitModifier(key);
  noModifier(modifier, name === 'actor' ? ['Practitioner', 'Location'] : []);
  switch (name) {
    case '_id': return `r.id = ANY(${bind(orValues(value).filter((v) => /^\d{1,15}$/.test(v)).map(Number))}::bigint[])`;
    case 'actor': {
      const typed = (type: string) => (modifier === type ? orValues(value).map((v) => (v.includes('/') ? v : `${type}/${v}`)).join(',') : value);
      const parts: string[] = [];
      if (modifier !== 'Location') parts.push(idsIn('r.practitioner_id', typed('Practitioner'), 'Practitioner', bind));
      if (modifier !== 'Practitioner') parts.push(idsIn('r.department_id', typed('Location'), 'Location', bind));
      return `(${parts.join(' OR ')})`;
    }
    case 'service-type': return `(${codesIn('r.clinic_level', value, SERVICE_TYPE_SYSTEM, bind)} OR ${codesIn('r.modality', value, SERVICE_TYPE_SYSTEM, bind)})`;
    case 'specialty': return codesIn('d.code', value, ORG_CODE_SYSTEM, bind);
    case 'active': return `r.active = ANY(${bind(orValues(value).filter((v) => v === 'true' || v === 'false').map((v) => v === 'true'))}::boolean[])`;
    default: return 'true';
  }
}

// the first and last service day come from the (resource_id, service_date, period) unique index
const SELECT = `SELECT r.id, r.kind, r.name, r.active, r.room, r.practitioner_id, pr.display_name AS practitioner_name, r.clinic_level, r.modality,
    r.department_id, d.code AS department_code, d.name AS department_name,
    (SELECT to_char(min(x.service_date), 'YYYY-MM-DD') FROM sched_session x WHERE x.resource_id = r.id) AS first_day,
    (SELECT to_char(max(x.service_date), 'YYYY-MM-DD') FROM sched_session x WHERE x.resource_id = r.id) AS last_day
  FROM sched_resource r JOIN org_unit d ON d.id = r.department_id LEFT JOIN account pr ON pr.id = r.practitioner_id`;

const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

function toSchedule(r: ResourceRow): Schedule {
  const actor: NonNullable<Schedule['actor']> = [];
  if (r.practitioner_id) actor.push({ reference: `Practitioner/${r.practitioner_id}`, ...(r.practitioner_name ? { display: r.practitioner_name } : {}) });
  actor.push({ reference: `Location/${r.department_id}`, display: r.room ? `${r.department_name} ${r.room}` : r.department_name });
  return {
    resourceType: 'Schedule',
    id: String(r.id),
    active: r.active,
    serviceType: serviceType(r.kind === 'clinic' ? r.clinic_level : r.modality),
    specialty: specialty(r.department_code, r.department_name),
    actor,
    // the days its sessions cover, in the hospital's time zone
    ...(r.first_day && r.last_day ? { planningHorizon: { start: `${r.first_day}T00:00:00+08:00`, end: `${nextDay(r.last_day)}T00:00:00+08:00` } } : {}),
    comment: r.room ? `${r.name} · ${r.room}` : r.name,
  };
}

/** Schedule: one per bookable resource (a doctor's clinic or an exam room/device) of the caller's region. */
export const scheduleProvider: FhirResourceProvider = {
  type: 'Schedule',
  permissions: { read: 'schedule.read' },
  searchParams: SEARCH_PARAMS,
  async read(ctx, db, id) {
    if (!/^\d{1,15}$/.test(id)) return null;
    const { rows } = await db.query(`${SELECT} WHERE r.id = $1 AND r.institution_id = ANY($2::bigint[])`, [Number(id), ctx.actor.regionInstitutions]);
    return rows[0] ? toSchedule(rows[0]) : null;
  },
  async search(ctx, db, req) {
    const { values, bind } = sqlParams();
    const where = [`r.institution_id = ANY(${bind(ctx.actor.regionInstitutions)}::bigint[])`, ...req.params.map(([k, v]) => condition(k, v, bind))];
    const { rows } = await db.query(
      `${SELECT.replace('SELECT', 'SELECT count(*) OVER () AS total,')} WHERE ${where.join(' AND ')} ORDER BY r.id LIMIT ${bind(req.count)} OFFSET ${bind(req.offset)}`, values);
    let total = rows[0] ? Number(rows[0].total) : 0;
    if (!rows.length && req.offset > 0) {
      total = (await db.query(`SELECT count(*)::int AS n FROM sched_resource r JOIN org_unit d ON d.id = r.department_id WHERE ${where.join(' AND ')}`, values.slice(0, -2))).rows[0].n;
    }
    return { resources: rows.map(toSchedule), total };
  },
};
