import type { Extension, Questionnaire } from '@medplum/fhirtypes';
import { orValues, type FhirResourceProvider, type FhirSearchParamDef } from '@kangyun/kernel';
import { BUILT_IN_SCALES } from '../scales/index.js';
import type { ScaleDefinition } from '../scoring/types.js';

const BAND = 'urn:kangyun:fhir:StructureDefinition/scoring-band';
const OVERRIDE = 'urn:kangyun:fhir:StructureDefinition/scoring-override';
const VARIABLE = 'http://hl7.org/fhir/StructureDefinition/variable';

const SEARCH_PARAMS: FhirSearchParamDef[] = [
  { name: '_id', type: 'token', documentation: '量表编号 / scale id, e.g. phq-9' },
  { name: 'url', type: 'token', documentation: 'canonical url, e.g. urn:kangyun:questionnaire:phq-9' },
  { name: 'status', type: 'token', documentation: 'active | draft (draft: the licence needs the institution\'s permission first)' },
  { name: 'name', type: 'string', documentation: 'computer name, starts with' },
  { name: 'title', type: 'string', documentation: '标题（包含）/ title contains' },
];

const text = (t: { zh: string; en: string }) => ({ url: 'label', valueString: `${t.zh} / ${t.en}` });

/**
 * The Questionnaire of a built-in scale with its scoring attached: each score as an SDC `variable`
 * (FHIRPath), each band and override as an extension carrying its range or rule, label and action.
 */
export function toQuestionnaire(s: ScaleDefinition): Questionnaire {
  const scoring: Extension[] = [
    ...s.scoring.scores.map((sc): Extension => ({ url: VARIABLE, valueExpression: { name: sc.id, language: 'text/fhirpath', expression: sc.expression } })),
    ...s.scoring.bands.map((b): Extension => ({ url: BAND, extension: [
      { url: 'score', valueId: b.score }, { url: 'code', valueCode: b.code }, { url: 'min', valueDecimal: b.min },
      ...(b.max === null ? [] : [{ url: 'max', valueDecimal: b.max }]), text(b.label), { url: 'action', valueString: `${b.action.zh} / ${b.action.en}` },
    ] })),
    ...(s.scoring.overrides ?? []).map((o): Extension => ({ url: OVERRIDE, extension: [
      { url: 'id', valueId: o.id }, { url: 'when', valueExpression: { language: 'text/fhirpath', expression: o.when } }, text(o.label),
      { url: 'action', valueString: `${o.action.zh} / ${o.action.en}` },
    ] })),
  ];
  return { ...s.questionnaire, id: s.id, copyright: s.licence.text, extension: [...(s.questionnaire.extension ?? []), ...scoring] };
}

function matches(s: ScaleDefinition, name: string, value: string): boolean {
  const q = s.questionnaire;
  const any = (vals: string[], pred: (v: string) => boolean) => vals.some(pred);
  switch (name) {
    case '_id': return any(orValues(value), (v) => v === s.id);
    case 'url': return any(orValues(value), (v) => v === q.url);
    case 'status': return any(orValues(value), (v) => v === q.status);
    case 'name': return (q.name ?? '').toLowerCase().startsWith(value.toLowerCase());
    case 'title': return (q.title ?? '').toLowerCase().includes(value.toLowerCase());
    default: return true;
  }
}

/** /fhir/R4/Questionnaire: the built-in scale library, read and searched */
export const questionnaireProvider: FhirResourceProvider = {
  type: 'Questionnaire',
  searchParams: SEARCH_PARAMS,
  permissions: { read: 'assessment.read' },
  async read(_ctx, _db, id) {
    const s = BUILT_IN_SCALES.find((x) => x.id === id);
    return s ? toQuestionnaire(s) : null;
  },
  async search(_ctx, _db, req) {
    const found = BUILT_IN_SCALES.filter((s) => req.params.every(([k, v]) => matches(s, k, v)));
    return { resources: found.slice(req.offset, req.offset + req.count).map(toQuestionnaire), total: found.length };
  },
};
