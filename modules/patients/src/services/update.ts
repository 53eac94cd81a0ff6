import { AppError, notFound, type CallContext, type Kernel, type ScopedClient } from '@kangyun/kernel';
import { validatePatientInput } from './validate.js';
import { encodePatient } from './encode.js';
import { history } from './register.js';
import { loadPatient } from './read.js';
import type { PatientDetail, PatientInput } from './types.js';

/**
 * Updates demographics with optimistic locking on `version`. Only an institution that holds a
 * record of the patient may change them; the history keeps which fields changed (not the values).
 */
export async function updatePatient(kernel: Kernel, ctx: CallContext, db: ScopedClient, id: number, raw: PatientInput, version: number): Promise<PatientDetail> {
  const input = validatePatientInput(raw);
  const current = await loadPatient(db, kernel.crypto, id, true);
  if (!current) throw notFound();
  if (current.status !== 'active') throw new AppError(409, 'patient_merged', 'patients.merge_inactive');
  if (current.version !== version) throw new AppError(409, 'version_conflict', 'patients.version_conflict', {}, [], { currentVersion: current.version });
  const e = encodePatient(input, kernel.crypto);
  const changed = (['name', 'sex', 'birthDate', 'idType', 'idNumber', 'mobile', 'address'] as const)
    .filter((k) => (current as unknown as Record<string, unknown>)[k] !== (input as unknown as Record<string, unknown>)[k]);
  if (JSON.stringify(current.contacts) !== JSON.stringify(input.contacts ?? [])) changed.push('contacts' as never);
  try {
    const { rowCount } = await db.query(
      `UPDATE patient SET name = $3, name_tokens = $4, name_initials = $5, name_pinyin = $6, sex = $7, birth_date = $8, id_type = $9,
         id_number_enc = $10, id_number_index = $11, id_number_masked = $12, mobile_enc = $13, mobile_index = $14, mobile_masked = $15,
         address_enc = $16, address_masked = $17, contacts_enc = $18, version = version + 1, updated_at = now()
       WHERE id = $1 AND version = $2`,
      [id, version, e.name, e.name_tokens, e.name_initials, e.name_pinyin, e.sex, e.birth_date, e.id_type, e.id_number_enc, e.id_number_index,
        e.id_number_masked, e.mobile_enc, e.mobile_index, e.mobile_masked, e.address_enc, e.address_masked, e.contacts_enc],
    );
    if (rowCount !== 1) {
      const stillVisible = await loadPatient(db, kernel.crypto, id, false);
      if (!stillVisible) throw notFound();
      // visible but not updatable: no record here (read through a grant), or someone else won the race
      throw stillVisible.version !== version
        ? new AppError(409, 'version_conflict', 'patients.version_conflict', {}, [], { currentVersion: stillVisible.version })
        : new AppError(403, 'forbidden', 'error.forbidden');
    }
  } catch (err) {
    if ((err as { code?: string }).code === '23505') throw new AppError(409, 'duplicate_patient', 'patients.duplicate', {}, [], { candidates: [] });
    throw err;
  }
  await history(db, ctx, id, 'update', { fields: changed });
  await kernel.audit(db, ctx, { action: 'patient.update', entityType: 'Patient', entityId: id, patientId: id, detail: { fields: changed } });
  return (await loadPatient(db, kernel.crypto, id, false))!;
}
