import { fieldError, invalid, type CallContext, type Kernel, type ScopedClient } from '@kangyun/kernel';
import type { QuestionnaireResponseItem } from '@medplum/fhirtypes';
import { scoreResponse } from './scoring/engine.js';
import { scaleById } from './scales/catalogue.js';

export interface AssessmentInput {
  patientId: number;
  scaleId: string;
  status: 'completed' | 'in-progress';
  items: QuestionnaireResponseItem[];
}

const VIEW = `id, patient_id AS "patientId", scale_id AS "scaleId", questionnaire, status, items, scores, bands, overrides,
  authored_at AS "authoredAt", created_by AS "createdBy", institution_id AS "institutionId", version`;

/**
 * Records an assessment (or saves a draft): the answers must fit the scale version, the engine
 * scores them, and the response, its result and the audit row are written in one transaction.
 */
export async function submitAssessment(kernel: Kernel, ctx: CallContext, input: AssessmentInput) {
  const scale = scaleById(input.scaleId);
  const questionnaire = `${scale.questionnaire.url}|${scale.questionnaire.version}`;
  const result = scoreResponse(scale, { resourceType: 'QuestionnaireResponse', status: input.status, questionnaire, item: input.items });
  return kernel.scoped(ctx, async (db) => {
    await requireVisiblePatient(db, input.patientId);
    const { rows } = await db.query({
      name: 'assessments.insert',
      text: `INSERT INTO assessment_response (patient_id, scale_id, questionnaire, status, items, scores, bands, overrides)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${VIEW}`,
      values: [input.patientId, scale.id, questionnaire, input.status, JSON.stringify(input.items), JSON.stringify(result.scores),
        JSON.stringify(result.bands), JSON.stringify(result.overrides)],
    });
    await kernel.audit(db, ctx, { action: 'assessment.create', entityType: 'QuestionnaireResponse', entityId: rows[0].id, patientId: input.patientId, detail: { scale: scale.id, status: input.status, scores: result.scores } });
    return rows[0];
  });
}

/** a patient's assessments, newest first, optionally of one scale */
export async function patientAssessments(kernel: Kernel, ctx: CallContext, patientId: number, scaleId?: string) {
  return kernel.scoped(ctx, async (db) => {
    await requireVisiblePatient(db, patientId);
    const { rows } = await db.query({
      name: 'assessments.by-patient',
      text: `SELECT ${VIEW} FROM assessment_response WHERE patient_id = $1 AND ($2::text IS NULL OR scale_id = $2)
             ORDER BY authored_at DESC, id DESC LIMIT 500`,
      values: [patientId, scaleId ?? null],
    });
    await kernel.audit(db, ctx, { action: 'assessment.read', entityType: 'Patient', entityId: patientId, patientId, detail: { scale: scaleId ?? null, count: rows.length } });
    return rows;
  });
}

async function requireVisiblePatient(db: ScopedClient, patientId: number): Promise<void> {
  const { rows } = await db.query({ name: 'assessments.patient-visible', text: 'SELECT 1 FROM patient WHERE id = $1', values: [patientId] });
  if (!rows[0]) throw invalid([fieldError('patientId', 'unknown', 'assessments.patient_unknown')]);
}
