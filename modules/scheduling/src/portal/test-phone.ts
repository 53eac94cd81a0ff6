/**
 * Test helpers: a patient's phone signed in to the portal through the real sign-in
 * (POST /api/portal/login with name, document number and mobile, as the patient would type them).
 */
import { ApiClient, type TestPlatform } from '@kangyun/server/testing/index.ts';

export interface Phone extends ApiClient {
  patientId: number;
}

/** the credentials a patient would type, read back from the index (decrypted) */
export async function credentialsOf(p: TestPlatform, patientId: number): Promise<{ name: string; idType: string; idNumber: string; mobile: string }> {
  const { rows } = await p.kernel.pool.query('SELECT name, id_type, id_number_enc, mobile_enc FROM patient WHERE id = $1', [patientId]);
  const r = rows[0];
  return { name: r.name, idType: r.id_type, idNumber: p.kernel.crypto.decryptField(r.id_number_enc), mobile: p.kernel.crypto.decryptField(r.mobile_enc) };
}

export async function signInPhone(p: TestPlatform, patientId: number): Promise<Phone> {
  const res = await new ApiClient(p.baseUrl).post('/api/portal/login', await credentialsOf(p, patientId));
  if (res.status !== 200) throw new Error(`portal sign-in of patient ${patientId} failed: ${res.status} ${res.text}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('kangyun_portal='))!.split(';')[0];
  return Object.assign(new ApiClient(p.baseUrl, { cookie }), { patientId });
}

/**
 * Hands out distinct adult demo patients with a record at an institution, so tests of one file
 * never trip over each other's per-patient limits.
 */
export function patientSource(p: TestPlatform, institutionCode = 'H001') {
  const used: number[] = [];
  return async (n = 1, filter: { sex?: 'male' | 'female'; only?: boolean } = {}): Promise<number[]> => {
    const { rows } = await p.kernel.pool.query(
      `SELECT pt.id FROM patient pt JOIN patient_record r ON r.patient_id = pt.id JOIN org_unit i ON i.id = r.institution_id AND i.code = $1
       WHERE pt.status = 'active' AND pt.mobile_enc IS NOT NULL AND age(pt.birth_date) >= interval '18 years' AND ($2::text IS NULL OR pt.sex = $2)
         AND (NOT $5 OR NOT EXISTS (SELECT 1 FROM patient_record o WHERE o.patient_id = pt.id AND o.institution_id <> r.institution_id))
         AND NOT (pt.id = ANY($3::bigint[]))
       ORDER BY pt.id LIMIT $4`, [institutionCode, filter.sex ?? null, used, n, filter.only ?? false]);
    used.push(...rows.map((r) => r.id));
    if (rows.length < n) throw new Error(`only ${rows.length} demo patients left at ${institutionCode}`);
    return rows.map((r) => r.id);
  };
}
