import { conflict, type CallContext, type Kernel, type ScopedClient } from '@kangyun/kernel';
import { validatePatientInput } from './validate.js';
import { encodePatient } from './encode.js';
import { findDuplicates } from './duplicates.js';
import { loadPatient } from './read.js';
import type { PatientDetail, PatientInput } from './types.js';

export interface RegisterResult {
  patient: PatientDetail;
  /** the person was already in the regional index (registered by another institution) and is now linked here */
  linked: boolean;
}

/**
 * Registers a patient at the caller's institution. The regional index keeps one person per
 * document number: if another institution registered them, this institution gets its own record
 * (and record number) linked to that person. Possible duplicates inside the caller's scope stop the
 * registration unless `force` says the clerk checked them.
 */
export async function registerPatient(kernel: Kernel, ctx: CallContext, db: ScopedClient, raw: PatientInput, force = false): Promise<RegisterResult> {
  const input = validatePatientInput(raw);
  const candidates = await findDuplicates(db, kernel.crypto, input);
  const sameDocument = candidates.filter((c) => c.reason === 'same_id_number');
  if (sameDocument.length || (candidates.length && !force)) {
    throw conflict('duplicate_patient', 'patients.duplicate', { candidates });
  }
  const encoded = encodePatient(input, kernel.crypto);
  const { rows: matched } = await db.query<{ id: number | null }>('SELECT patient_match_document($1, $2) AS id', [encoded.id_type, encoded.id_number_index]);
  let patientId = matched[0].id;
  const linked = patientId !== null;
  if (patientId === null) {
    await db.query('SAVEPOINT register_person');
    try {
      patientId = (await db.query<{ id: number }>("SELECT nextval(pg_get_serial_sequence('patient', 'id')) AS id")).rows[0].id;
      await db.query(
        `INSERT INTO patient (id, regional_id, name, name_tokens, name_initials, name_pinyin, sex, birth_date, id_type, id_number_enc,
           id_number_index, id_number_masked, mobile_enc, mobile_index, mobile_masked, address_enc, address_masked, contacts_enc, created_by)
         VALUES ($1::bigint, 'P' || lpad($1::bigint::text, 10, '0'), $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
        [patientId, encoded.name, encoded.name_tokens, encoded.name_initials, encoded.name_pinyin, encoded.sex, encoded.birth_date, encoded.id_type,
          encoded.id_number_enc, encoded.id_number_index, encoded.id_number_masked, encoded.mobile_enc, encoded.mobile_index, encoded.mobile_masked,
          encoded.address_enc, encoded.address_masked, encoded.contacts_enc, ctx.actor.accountId],
      );
      await db.query('RELEASE SAVEPOINT register_person');
    } catch (err) {
      // another registration of the same person won the race: link to it instead
      if ((err as { code?: string }).code !== '23505') throw err;
      await db.query('ROLLBACK TO SAVEPOINT register_person');
      patientId = (await db.query<{ id: number }>('SELECT patient_match_document($1, $2) AS id', [encoded.id_type, encoded.id_number_index])).rows[0].id;
      return finishLink(kernel, ctx, db, patientId);
    }
  } else {
    return finishLink(kernel, ctx, db, patientId);
  }
  await addRecord(db, ctx, patientId);
  await history(db, ctx, patientId, 'create', {});
  await kernel.audit(db, ctx, { action: 'patient.create', entityType: 'Patient', entityId: patientId, patientId });
  return { patient: (await loadPatient(db, kernel.crypto, patientId, false))!, linked };
}

async function finishLink(kernel: Kernel, ctx: CallContext, db: ScopedClient, patientId: number): Promise<RegisterResult> {
  await addRecord(db, ctx, patientId);
  await history(db, ctx, patientId, 'link', {});
  await kernel.audit(db, ctx, { action: 'patient.link', entityType: 'Patient', entityId: patientId, patientId, detail: { reason: 'same_document_in_region' } });
  return { patient: (await loadPatient(db, kernel.crypto, patientId, false))!, linked: true };
}

async function addRecord(db: ScopedClient, ctx: CallContext, patientId: number): Promise<void> {
  await db.query(
    `INSERT INTO patient_record (patient_id, institution_id, department_id, mrn, created_by)
     SELECT $1, $2, $3, i.code || '-' || lpad(nextval('patient_mrn_seq')::text, 8, '0'), $4 FROM org_unit i WHERE i.id = $2`,
    [patientId, ctx.actor.institutionId, ctx.actor.departmentId, ctx.actor.accountId],
  );
}

export async function history(db: ScopedClient, ctx: CallContext, patientId: number, action: string, detail: Record<string, unknown>): Promise<void> {
  await db.query(
    'INSERT INTO patient_history (patient_id, action, actor_id, actor_name, institution_id, detail) VALUES ($1, $2, $3, $4, $5, $6)',
    [patientId, action, ctx.actor.accountId, ctx.actor.displayName, ctx.actor.institutionId, JSON.stringify(detail)],
  );
}
