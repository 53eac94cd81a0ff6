import type { FastifyRequest } from 'fastify';
import { notFound, portalContext, requestInfo, withTransaction, type AuditEntry, type CallContext, type Kernel, type Queryable } from '@kangyun/kernel';

/** the signed-in patient of a `config: { portal: true }` route */
export function portalPatientId(req: FastifyRequest): number {
  return req.portal!.patientId;
}

/**
 * The patient acting at one institution: row-level security confines what the request writes to
 * that institution; the routes themselves keep the patient to their own rows.
 */
export function patientCtx(req: FastifyRequest, institutionId: number): CallContext {
  return portalContext(portalPatientId(req), institutionId, requestInfo(req));
}

export interface OwnedAppointment {
  id: number;
  institutionId: number;
  departmentId: number;
  sessionId: number;
}

/**
 * An appointment of this patient, or 404 — the same answer whether it belongs to someone else or
 * does not exist, so ids cannot be probed.
 */
export async function ownAppointment(db: Queryable, patientId: number, id: number): Promise<OwnedAppointment> {
  const { rows } = await db.query({
    name: 'scheduling.portal.own-appointment',
    text: `SELECT id, institution_id AS "institutionId", department_id AS "departmentId", session_id AS "sessionId", patient_id AS "patientId"
           FROM appointment WHERE id = $1`,
    values: [id],
  });
  if (!rows[0] || Number(rows[0].patientId) !== patientId) throw notFound();
  return rows[0] as OwnedAppointment;
}

/** inside the transaction that changes it: still this patient's (locks the row) */
export async function lockOwn(db: Queryable, patientId: number, id: number): Promise<void> {
  const { rows } = await db.query('SELECT patient_id FROM appointment WHERE id = $1 FOR UPDATE', [id]);
  if (!rows[0] || Number(rows[0].patient_id) !== patientId) throw notFound();
}

/**
 * Audits what a patient read on the portal, each entry under the institution the data belongs to
 * (a patient's list spans institutions). With nothing to attribute, the entry goes under the
 * patient's first record.
 */
export async function auditPortalRead(kernel: Kernel, req: FastifyRequest, entries: { institutionId: number | null; entry: AuditEntry }[]): Promise<void> {
  const patientId = portalPatientId(req);
  const byInstitution = new Map<number, AuditEntry[]>();
  for (const { institutionId, entry } of entries) {
    const inst = institutionId ?? (await homeInstitution(kernel.pool, patientId));
    if (inst === null) continue;
    byInstitution.set(inst, [...(byInstitution.get(inst) ?? []), entry]);
  }
  await withTransaction(kernel.pool, async (db) => {
    for (const [inst, list] of byInstitution) await kernel.audit(db, patientCtx(req, inst), list);
  });
}

async function homeInstitution(db: Queryable, patientId: number): Promise<number | null> {
  const { rows } = await db.query('SELECT institution_id FROM patient_record WHERE patient_id = $1 ORDER BY id LIMIT 1', [patientId]);
  return rows[0] ? Number(rows[0].institution_id) : null;
}
