import { createHash } from 'node:crypto';
import { notFound, type CallContext, type CryptoProvider, type Kernel, type ScopedClient } from '@kangyun/kernel';
import { PATIENT_COLUMNS, toDetail, toSummary, type PatientRow } from './row.js';
import { documentIndex, phoneIndex } from './encode.js';
import { queryTokens } from '../names.js';
import type { PatientDetail, PatientSummary } from './types.js';

/** Loads one patient the caller may see (row-level security decides), or null. */
export async function loadPatient(db: ScopedClient, crypto: CryptoProvider, id: number, reveal: boolean): Promise<PatientDetail | null> {
  // named: prepared once per connection, so the RLS-heavy plan is not rebuilt on every read
  const { rows } = await db.query<PatientRow>({ name: 'patients.load', text: `SELECT ${PATIENT_COLUMNS} FROM patient p WHERE p.id = $1`, values: [id] });
  return rows[0] ? toDetail(rows[0], crypto, reveal) : null;
}

/** Reads a patient and audits the read (a reveal of the full data is its own audited action). */
export async function readPatient(kernel: Kernel, ctx: CallContext, db: ScopedClient, id: number, reveal = false): Promise<PatientDetail> {
  const patient = await loadPatient(db, kernel.crypto, id, reveal);
  if (!patient) throw notFound('error.not_found');
  await kernel.audit(db, ctx, {
    action: reveal ? 'patient.reveal' : 'patient.read', entityType: 'Patient', entityId: id, patientId: id,
    detail: patient.viaGrant ? { viaGrant: true } : {},
  });
  return patient;
}

export interface PatientQuery {
  q?: string;
  name?: string;
  idNumber?: string;
  idType?: string;
  phone?: string;
  mrn?: string;
  regionalId?: string;
  birthDate?: string;
  sex?: string;
  id?: number;
  includeMerged?: boolean;
}

/** Turns the single search box into the right look-up: document number, phone, record number, pinyin or name. */
export function interpretQuery(q: string): PatientQuery {
  const s = q.trim();
  if (/^\d{17}[\dXx]$/.test(s) || /^\d{15}$/.test(s)) return { idNumber: s };
  if (/^(\+?86)?1[3-9]\d{9}$/.test(s)) return { phone: s };
  if (/^P\d{10}$/i.test(s)) return { regionalId: s.toUpperCase() };
  if (/^[A-Za-z0-9]+-\d+$/.test(s)) return { mrn: s.toUpperCase() };
  if (/^[A-Za-z]+$/.test(s)) return { name: s.toLowerCase() };
  return { name: s };
}

/** Builds the WHERE clause; every branch is index-backed (blind indexes, GIN name tokens, pinyin prefixes). */
export function patientWhere(crypto: CryptoProvider, query: PatientQuery): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (v: unknown) => { params.push(v); return `$${params.length}`; };
  if (!query.includeMerged) where.push("p.status = 'active'");
  if (query.id !== undefined) where.push(`p.id = ${add(query.id)}`);
  if (query.idNumber) {
    // constrain the type too: the unique index is (id_type, id_number_index); each hash already includes its type
    const types = query.idType ? [query.idType] : ['resident_id', 'passport', 'other'];
    where.push(`p.id_type = ANY(${add(types)}) AND p.id_number_index = ANY(${add(types.map((t) => documentIndex(crypto, t, query.idNumber!)))})`);
  }
  if (query.phone) where.push(`p.mobile_index = ${add(phoneIndex(crypto, query.phone))}`);
  if (query.regionalId) where.push(`p.regional_id = ${add(query.regionalId)}`);
  if (query.mrn) where.push(`EXISTS (SELECT 1 FROM patient_record r WHERE r.patient_id = p.id AND (r.mrn = ${add(query.mrn)} OR ${`$${params.length}`} = ANY(r.previous_mrns)))`);
  if (query.birthDate) where.push(`p.birth_date = ${add(query.birthDate)}`);
  if (query.sex) where.push(`p.sex = ${add(query.sex)}`);
  if (query.name) {
    if (/^[a-z]+$/.test(query.name)) {
      const prefix = `${query.name.replace(/[%_]/g, '')}%`;
      where.push(`(p.name_initials LIKE ${add(prefix)} OR p.name_pinyin LIKE ${`$${params.length}`})`);
    } else {
      where.push(`p.name_tokens @> ${add(queryTokens(query.name))}::text[]`);
      where.push(`p.name LIKE ${add(`%${query.name.replace(/[%_\\]/g, '')}%`)}`);
    }
  }
  return { where, params };
}

export async function searchPatients(
  kernel: Kernel, ctx: CallContext, db: ScopedClient, query: PatientQuery, limit: number, offset: number,
): Promise<{ items: PatientSummary[]; total: number; rows: PatientRow[] }> {
  const { where, params } = patientWhere(kernel.crypto, query);
  params.push(limit, offset);
  const text = `SELECT ${PATIENT_COLUMNS}, count(*) OVER () AS total FROM patient p
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY p.id DESC LIMIT $${params.length - 1} OFFSET $${params.length}`;
  // a search has a handful of shapes; naming each by its text prepares it once per connection
  // instead of planning the row-level-security-heavy statement on every request
  const name = `patients.search.${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
  const { rows } = await db.query<PatientRow & { total: number }>({ name, text, values: params });
  let total = rows[0] ? Number(rows[0].total) : 0;
  if (!rows.length && offset > 0) {
    const c = await db.query(`SELECT count(*) AS n FROM patient p ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`, params.slice(0, -2));
    total = Number(c.rows[0].n);
  }
  // a search that shows patients is an access to each of them
  await kernel.audit(db, ctx, rows.length
    ? rows.map((r) => ({ action: 'patient.search', entityType: 'Patient', entityId: r.id, patientId: r.id, detail: { query: Object.keys(query) } }))
    : [{ action: 'patient.search', entityType: 'Patient', detail: { query: Object.keys(query), results: 0 } }]);
  return { items: rows.map(toSummary), total, rows };
}
