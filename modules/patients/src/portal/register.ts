import { AppError, fieldError, invalid, portalActor, withTransaction, type CallContext, type Kernel, type Queryable, type RequestInfo, type ScopedClient } from '@kangyun/kernel';
import { registerPatient, history } from '../services/register.js';
import type { PortalCredentials } from './credentials.js';
import { matchPatient, personByDocument } from './identity.js';
import { auditFailure, signinFailed, subjectsOf, throttledAttempt } from './signin.js';
import { countRegistration, recordFailure } from './throttle.js';

/**
 * The caller a patient acts as when they put themselves into the index at an institution: the
 * portal actor of that institution (its scope confines the new record there). Before the person
 * exists there is no patient id yet, so the name says "self-registration".
 */
function selfServiceContext(institutionId: number, request: RequestInfo, patientId?: number): CallContext {
  const actor = portalActor(patientId ?? 0, institutionId);
  return patientId ? { actor, request } : { actor: { ...actor, name: 'patient:self-registration', displayName: '患者本人（自助建档）', patientId: undefined }, request };
}

export async function requireInstitution(db: Queryable, institutionId: number): Promise<{ id: number; name: string }> {
  const { rows } = await db.query<{ id: number; name: string }>(`SELECT id, name FROM org_unit WHERE id = $1 AND kind = 'institution' AND active`, [institutionId]);
  if (!rows[0]) throw invalid([fieldError('institutionId', 'unknown', 'patients.portal.institution_unknown')]);
  return rows[0];
}

/**
 * Gives a signed-in patient a record (就诊档案, with its own record number) at another institution,
 * e.g. before booking there for the first time. Linking, not a new person: the index keeps one
 * person per document. Idempotent.
 */
export async function linkRecord(kernel: Kernel, request: RequestInfo, patientId: number, institutionId: number): Promise<boolean> {
  await requireInstitution(kernel.pool, institutionId);
  const ctx = selfServiceContext(institutionId, request, patientId);
  return kernel.scoped(ctx, (db) => addPortalRecord(kernel, ctx, db, patientId));
}

async function addPortalRecord(kernel: Kernel, ctx: CallContext, db: ScopedClient, patientId: number): Promise<boolean> {
  const { rows } = await db.query(
    `INSERT INTO patient_record (patient_id, institution_id, mrn)
     SELECT $1, i.id, i.code || '-' || lpad(nextval('patient_mrn_seq')::text, 8, '0') FROM org_unit i WHERE i.id = $2
     ON CONFLICT (institution_id, patient_id) DO NOTHING RETURNING id`, [patientId, ctx.actor.institutionId]);
  if (!rows[0]) return false;
  await history(db, ctx, patientId, 'link', { via: 'portal' });
  await kernel.audit(db, ctx, { action: 'patient.link', entityType: 'Patient', entityId: patientId, patientId, detail: { via: 'portal' } });
  return true;
}

/**
 * First visit from the phone (首次就诊自助建档): puts the person into the index at the chosen
 * institution. A document number already in the index is treated as a sign-in: the name and
 * mobile must match it (throttled and audited like the sign-in, with the same generic refusal), so
 * registration cannot be used to find out who is in the index or to take over someone's record.
 */
export async function registerSelf(kernel: Kernel, request: RequestInfo, c: PortalCredentials, institutionId: number): Promise<{ patientId: number; created: boolean }> {
  await requireInstitution(kernel.pool, institutionId);
  const found = await throttledAttempt(kernel, request, c, 'portal.register', async (db) => {
    const existing = await personByDocument(db, kernel.crypto, c.idType, c.idNumber);
    if (existing === null) return { existing: null };
    return (await matchPatient(db, kernel.crypto, c)) === existing ? { existing } : null;
  });
  if (found.existing !== null) {
    await linkRecord(kernel, request, found.existing, institutionId);
    return { patientId: found.existing, created: false };
  }
  const ctx = selfServiceContext(institutionId, request);
  try {
    const patientId = await kernel.scoped(ctx, async (db) => {
      // possible duplicates (same name and birth date, another document) are the desk's to review;
      // their details must never go back to an anonymous caller, so registration goes ahead
      const result = await registerPatient(kernel, ctx, db, { name: c.name, sex: 'unknown', birthDate: '', idType: c.idType, idNumber: c.idNumber, mobile: c.mobile }, true);
      // someone registered the same document at the same moment: it is theirs unless everything matches
      if ((await matchPatient(db, kernel.crypto, c)) !== result.patient.id) throw signinFailed();
      return result.patient.id;
    });
    await countRegistration(kernel.pool, subjectsOf(kernel, c, request).address);
    return { patientId, created: true };
  } catch (err) {
    if (err instanceof AppError && (err.code === 'portal_signin_failed' || err.code === 'duplicate_patient')) {
      const subjects = subjectsOf(kernel, c, request);
      await withTransaction(kernel.pool, async (db) => {
        await recordFailure(db, subjects.document, subjects.address);
        await auditFailure(db, request, c, 'portal.register', 'race');
      });
      throw signinFailed();
    }
    throw err;
  }
}
