import type { TestPlatform } from '@kangyun/server/testing/index.ts';

/** a demo patient with a record in 示例市第一人民医院 only (so community staff cannot see them) */
export async function hospitalOnlyPatient(p: TestPlatform, order: 'first' | 'last' = 'last'): Promise<number> {
  const { rows } = await p.kernel.pool.query(
    `SELECT r.patient_id FROM patient_record r JOIN org_unit i ON i.id = r.institution_id
     WHERE i.code = 'H001' AND NOT EXISTS (SELECT 1 FROM patient_record o JOIN org_unit oi ON oi.id = o.institution_id WHERE o.patient_id = r.patient_id AND oi.code <> 'H001')
     ORDER BY r.patient_id ${order === 'first' ? 'ASC' : 'DESC'} LIMIT 1`);
  return Number(rows[0].patient_id);
}
