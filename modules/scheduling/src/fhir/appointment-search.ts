import { splitModifier, sqlParams, type Bind, type CallContext, type FhirSearchParamDef, type FhirSearchRequest, type Kernel, type ScopedClient } from '@kangyun/kernel';
import { orValues, tokenCodes } from '@kangyun/kernel';
import { APPOINTMENT_VIEW_JOINS } from '../booking/appointment-view.js';
import { toView } from '../booking/appointment-view.js';
import { APPOINTMENT_FHIR_SELECT, STATUS_FROM_FHIR, type AppointmentRow } from './appointment-map.js';
import { codesIn, dateCondition, idsIn, noModifier, numericIds } from './search-sql.js';
import { APPOINTMENT_ID_SYSTEM, NUMBER_SYSTEM, ORG_CODE_SYSTEM, SERVICE_TYPE_SYSTEM } from './systems.js';

export const APPOINTMENT_SEARCH_PARAMS: FhirSearchParamDef[] = [
  { name: '_id', type: 'token', documentation: 'logical id' },
  { name: 'identifier', type: 'token', documentation: `预约号 ${APPOINTMENT_ID_SYSTEM}|{id}，或号源 ${NUMBER_SYSTEM}|{出诊单元}-{号序} / the appointment id, or the number (session-seq)` },
  { name: 'patient', type: 'reference', documentation: '患者 / the patient, Patient/{id}' },
  { name: 'practitioner', type: 'reference', documentation: '接诊医生 / the doctor, Practitioner/{id}' },
  { name: 'location', type: 'reference', documentation: '科室 / the department, Location/{id}' },
  { name: 'actor', type: 'reference', documentation: '任一参与者 / any participant: Patient/{id}, Practitioner/{id} or Location/{id}' },
  { name: 'date', type: 'date', documentation: '就诊时间（不带时区时按医院当地时间）/ the appointment start; values without a zone are hospital local time' },
  { name: 'status', type: 'token', documentation: 'pending (锁号) | booked | arrived (已签到) | fulfilled | cancelled (含锁号超时) | noshow (爽约)' },
  { name: 'service-type', type: 'token', documentation: `${SERVICE_TYPE_SYSTEM}|general|expert|special (普通/专家/特需) or an exam modality (US, DR, CT, MRI, ECG, ENDO)` },
  { name: 'specialty', type: 'token', documentation: `科室代码 / department code, ${ORG_CODE_SYSTEM}|H001-CAR` },
  { name: 'slot', type: 'reference', documentation: '号源 / the number, Slot/{id}' },
];

function actorCondition(value: string, modifier: string | null, bind: Bind): string {
  noModifier(modifier, ['Patient', 'Practitioner', 'Location']);
  const only = (type: string) => modifier === null || modifier === type;
  // `actor:Patient=12` means Patient/12
  const typed = (type: string) => (modifier === type ? orValues(value).map((v) => (v.includes('/') ? v : `${type}/${v}`)).join(',') : value);
  const parts: string[] = [];
  if (only('Patient')) parts.push(idsIn('a.patient_id', typed('Patient'), 'Patient', bind));
  if (only('Practitioner')) parts.push(idsIn('a.practitioner_id', typed('Practitioner'), 'Practitioner', bind));
  if (only('Location')) parts.push(idsIn('a.department_id', typed('Location'), 'Location', bind));
  return `(${parts.join(' OR ')})`;
}

function identifierCondition(value: string, bind: Bind): string {
  const parts: string[] = [];
  const ids = tokenCodes(value, APPOINTMENT_ID_SYSTEM);
  if (ids === 'all') return 'true';
  const numericOnes = ids.filter((v) => /^\d{1,15}$/.test(v)).map(Number);
  if (numericOnes.length) parts.push(`a.id = ANY(${bind(numericOnes)}::bigint[])`);
  const numbers = tokenCodes(value, NUMBER_SYSTEM);
  if (numbers === 'all') return 'true';
  for (const n of numbers) {
    const m = /^(\d{1,15})-(\d{1,9})$/.exec(n);
    if (m) parts.push(`(a.session_id = ${bind(Number(m[1]))} AND a.seq = ${bind(Number(m[2]))})`);
  }
  return parts.length ? `(${parts.join(' OR ')})` : 'false';
}

function condition(key: string, value: string, bind: Bind): string {
  const { name, modifier } = splitModifier(key);
  if (name === 'actor') return actorCondition(value, modifier, bind);
  if (name === 'date') {
    noModifier(modifier);
    return dateCondition('a.starts_at', value, bind, 's.service_date');
  }
  noModifier(modifier, name === 'patient' ? ['Patient'] : name === 'practitioner' ? ['Practitioner'] : name === 'location' ? ['Location'] : name === 'slot' ? ['Slot'] : []);
  switch (name) {
    case '_id': return `a.id = ANY(${bind(orValues(value).filter((v) => /^\d{1,15}$/.test(v)).map(Number))}::bigint[])`;
    case 'identifier': return identifierCondition(value, bind);
    case 'patient': return idsIn('a.patient_id', value, 'Patient', bind);
    case 'practitioner': return idsIn('a.practitioner_id', value, 'Practitioner', bind);
    case 'location': return idsIn('a.department_id', value, 'Location', bind);
    case 'slot': return `a.slot_id = ANY(${bind(numericIds(value, 'Slot'))}::bigint[])`;
    case 'status': {
      const statuses = orValues(value).flatMap((v) => STATUS_FROM_FHIR[v.replace(/^.*\|/, '')] ?? []);
      return `a.status = ANY(${bind(statuses)}::text[])`;
    }
    case 'service-type': return `(${codesIn('s.clinic_level', value, SERVICE_TYPE_SYSTEM, bind)} OR ${codesIn('r.modality', value, SERVICE_TYPE_SYSTEM, bind)})`;
    case 'specialty': return codesIn('d.code', value, ORG_CODE_SYSTEM, bind);
    default: return 'true';
  }
}

/**
 * Appointment search in the caller's transaction: row-level security keeps it to the caller's
 * scope whatever the parameters. Newest first, as patients' and desks' lists show them; a
 * patient's list comes from the (patient_id, starts_at) index.
 */
export async function searchFhirAppointments(kernel: Kernel, ctx: CallContext, db: ScopedClient, req: FhirSearchRequest): Promise<{ rows: AppointmentRow[]; total: number }> {
  const { values, bind } = sqlParams();
  const where = req.params.map(([k, v]) => condition(k, v, bind));
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const limit = bind(req.count);
  const offset = bind(req.offset);
  const { rows } = await db.query(
    `SELECT ${APPOINTMENT_FHIR_SELECT}, count(*) OVER () AS total FROM appointment a ${APPOINTMENT_VIEW_JOINS}
     ${clause} ORDER BY a.starts_at DESC, a.id DESC LIMIT ${limit} OFFSET ${offset}`, values);
  let total = rows[0] ? Number(rows[0].total) : 0;
  if (!rows.length && req.offset > 0) {
    const counted = await db.query(`SELECT count(*)::int AS n FROM appointment a ${APPOINTMENT_VIEW_JOINS} ${clause}`, values.slice(0, -2));
    total = counted.rows[0].n;
  }
  const list = rows.map(({ total: _t, ...r }) => ({ ...toView(r), modality: r.modality, departmentCode: r.departmentCode, updatedAt: r.updatedAt }) as AppointmentRow);
  const patients = [...new Set(list.map((a) => a.patientId))];
  if (patients.length) {
    await kernel.audit(db, ctx, patients.map((patientId) => ({ action: 'appointment.read', entityType: 'Patient', entityId: patientId, patientId, detail: { list: true, via: 'fhir' } })));
  }
  return { rows: list, total };
}

export async function readFhirAppointment(db: ScopedClient, id: number): Promise<AppointmentRow | null> {
  const { rows } = await db.query({
    name: 'scheduling.fhir.read-appointment',
    text: `SELECT ${APPOINTMENT_FHIR_SELECT} FROM appointment a ${APPOINTMENT_VIEW_JOINS} WHERE a.id = $1`,
    values: [id],
  });
  const r = rows[0];
  return r ? ({ ...toView(r), modality: r.modality, departmentCode: r.departmentCode, updatedAt: r.updatedAt } as AppointmentRow) : null;
}
