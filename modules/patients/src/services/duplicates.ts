import type { CryptoProvider, ScopedClient } from '@kangyun/kernel';
import { PATIENT_COLUMNS, toSummary, type PatientRow } from './row.js';
import { documentIndex, phoneIndex } from './encode.js';
import type { PatientInput, PatientSummary } from './types.js';

export type DuplicateCandidate = PatientSummary & { reason: 'same_id_number' | 'similar_demographics' };

/**
 * Possible duplicates the caller can see: the same document number, or the same name with the
 * same birth date or the same phone number.
 */
export async function findDuplicates(db: ScopedClient, crypto: CryptoProvider, input: PatientInput, excludeId?: number): Promise<DuplicateCandidate[]> {
  const { rows } = await db.query<PatientRow & { reason: DuplicateCandidate['reason'] }>(
    `SELECT ${PATIENT_COLUMNS},
            CASE WHEN p.id_type = $1 AND p.id_number_index = $2 THEN 'same_id_number' ELSE 'similar_demographics' END AS reason
     FROM patient p
     WHERE p.status = 'active' AND p.id IS DISTINCT FROM $6
       AND ((p.id_type = $1 AND p.id_number_index = $2)
            OR (p.name = $3 AND (p.birth_date = $4 OR ($5::text IS NOT NULL AND p.mobile_index = $5))))
     ORDER BY reason DESC, p.id LIMIT 20`,
    [input.idType, documentIndex(crypto, input.idType, input.idNumber), input.name, input.birthDate, input.mobile ? phoneIndex(crypto, input.mobile) : null, excludeId ?? null],
  );
  return rows.map((r) => ({ ...toSummary(r), reason: r.reason }));
}
