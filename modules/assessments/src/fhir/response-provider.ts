import type { QuestionnaireResponse } from '@medplum/fhirtypes';
import { dateCondition, orValues, referenceIds, splitModifier, sqlParams, unsupportedModifier, type Bind, type FhirResourceProvider, type FhirSearchParamDef, type Kernel } from '@kangyun/kernel';

const SEARCH_PARAMS: FhirSearchParamDef[] = [
  { name: '_id', type: 'token', documentation: 'logical id' },
  { name: 'patient', type: 'reference', documentation: 'Patient/{id}: the patient assessed (also subject)' },
  { name: 'subject', type: 'reference', documentation: 'Patient/{id}' },
  { name: 'questionnaire', type: 'reference', documentation: 'the scale answered: canonical url, with or without |version' },
  { name: 'status', type: 'token', documentation: 'completed | in-progress' },
  { name: 'authored', type: 'date', documentation: 'when it was answered (yyyy-mm-dd, prefixes ge/le/gt/lt/eq)' },
];

interface Row {
  id: number; patient_id: number; questionnaire: string; status: 'completed' | 'in-progress'; items: QuestionnaireResponse['item'];
  authored_at: Date; created_by: number | null;
}

const SELECT = 'SELECT id, patient_id, questionnaire, status, items, authored_at, created_by FROM assessment_response a';

function toResource(r: Row): QuestionnaireResponse {
  return {
    resourceType: 'QuestionnaireResponse',
    id: String(r.id),
    questionnaire: r.questionnaire,
    status: r.status,
    subject: { reference: `Patient/${r.patient_id}` },
    authored: r.authored_at.toISOString(),
    ...(r.created_by ? { author: { reference: `Practitioner/${r.created_by}` } } : {}),
    item: r.items,
  };
}

function condition(key: string, value: string, bind: Bind): string {
  const { name, modifier } = splitModifier(key);
  if (modifier && !(modifier === 'Patient' && (name === 'patient' || name === 'subject'))) throw unsupportedModifier(modifier);
  switch (name) {
    case '_id': return `a.id = ANY(${bind(orValues(value).filter((v) => /^\d{1,15}$/.test(v)).map(Number))}::bigint[])`;
    case 'patient':
    case 'subject': return `a.patient_id = ANY(${bind(referenceIds(value, 'Patient').filter((v) => /^\d{1,15}$/.test(v)).map(Number))}::bigint[])`;
    case 'questionnaire': {
      const wanted = orValues(value);
      return `(a.questionnaire = ANY(${bind(wanted)}::text[]) OR split_part(a.questionnaire, '|', 1) = ANY(${bind(wanted)}::text[]))`;
    }
    case 'status': return `a.status = ANY(${bind(orValues(value))}::text[])`;
    case 'authored': return dateCondition('a.authored_at', value, bind);
    default: return 'true';
  }
}

/** QuestionnaireResponse: the assessments recorded in the caller's data scope (row-level security), each read audited */
export function questionnaireResponseProvider(kernel: Kernel): FhirResourceProvider {
  return {
    type: 'QuestionnaireResponse',
    searchParams: SEARCH_PARAMS,
    permissions: { read: 'assessment.read' },
    async read(ctx, db, id) {
      if (!/^\d{1,15}$/.test(id)) return null;
      const { rows } = await db.query<Row>(`${SELECT} WHERE a.id = $1`, [Number(id)]);
      if (!rows[0]) return null;
      await kernel.audit(db, ctx, { action: 'assessment.read', entityType: 'QuestionnaireResponse', entityId: rows[0].id, patientId: rows[0].patient_id, detail: { via: 'fhir' } });
      return toResource(rows[0]);
    },
    async search(ctx, db, req) {
      const { values, bind } = sqlParams();
      const where = req.params.map(([k, v]) => condition(k, v, bind));
      const { rows } = await db.query<Row & { total: number }>(
        `${SELECT.replace('SELECT', 'SELECT count(*) OVER () AS total,')} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY a.authored_at DESC, a.id DESC LIMIT ${bind(req.count)} OFFSET ${bind(req.offset)}`, values);
      const patients = [...new Set(rows.map((r) => Number(r.patient_id)))];
      if (patients.length) {
        await kernel.audit(db, ctx, patients.map((patientId) => ({ action: 'assessment.read', entityType: 'Patient', entityId: patientId, patientId, detail: { via: 'fhir', list: true } })));
      }
      return { resources: rows.map(toResource), total: rows[0] ? Number(rows[0].total) : 0 };
    },
  };
}
