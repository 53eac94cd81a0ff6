import { AppError, fieldError, invalid, notFound, type CallContext, type Kernel, type ScopedClient } from '@kangyun/kernel';
import { history } from './register.js';
import { loadPatient } from './read.js';
import type { PatientDetail } from './types.js';

/**
 * Merges a duplicate (source) into the surviving patient (target). The source keeps its row,
 * marked merged and pointing at the target, so history and audit stay readable; its institution
 * records move to the target (or, where the target already has a record there, the source's record
 * number is kept as a previous number). Other modules relink their rows on the `patient.merged` event.
 */
export async function mergePatients(kernel: Kernel, ctx: CallContext, db: ScopedClient, sourceId: number, targetId: number, reason: string): Promise<PatientDetail> {
  if (sourceId === targetId) throw invalid([fieldError('targetId', 'same', 'patients.merge_same')]);
  const { rows } = await db.query<{ id: number; status: string }>('SELECT id, status FROM patient WHERE id = ANY($1)', [[sourceId, targetId]]);
  const source = rows.find((r) => r.id === sourceId);
  const target = rows.find((r) => r.id === targetId);
  if (!source) throw invalid([fieldError('sourceId', 'not_found', 'error.not_found')]);
  if (!target) throw invalid([fieldError('targetId', 'not_found', 'error.not_found')]);
  if (source.status !== 'active' || target.status !== 'active') throw new AppError(409, 'patient_merged', 'patients.merge_inactive');
  // lock both in id order so two merges of the same pair cannot deadlock or both succeed;
  // FOR UPDATE also needs the update policy: both must have a record in the caller's institution
  const locked = await db.query<{ id: number; status: string }>('SELECT id, status FROM patient WHERE id = ANY($1) ORDER BY id FOR UPDATE', [[sourceId, targetId]]);
  if (locked.rows.length !== 2) throw new AppError(403, 'forbidden', 'error.forbidden');
  if (locked.rows.some((r) => r.status !== 'active')) throw new AppError(409, 'patient_merged', 'patients.merge_inactive');

  const { rowCount } = await db.query(
    "UPDATE patient SET status = 'merged', merged_into = $2, version = version + 1, updated_at = now() WHERE id = $1 AND status = 'active'", [sourceId, targetId]);
  if (rowCount !== 1) throw notFound();
  await db.query('SELECT patient_move_records($1, $2)', [sourceId, targetId]);
  await history(db, ctx, sourceId, 'merged_into', { targetId, reason });
  await history(db, ctx, targetId, 'merged_from', { sourceId, reason });
  await kernel.audit(db, ctx, [
    { action: 'patient.merge', entityType: 'Patient', entityId: sourceId, patientId: sourceId, detail: { targetId, reason } },
    { action: 'patient.merge', entityType: 'Patient', entityId: targetId, patientId: targetId, detail: { sourceId, reason } },
  ]);
  return (await loadPatient(db, kernel.crypto, targetId, false))!;
}
