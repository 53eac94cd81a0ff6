import { fieldError, invalid, type FieldError } from '@kangyun/kernel';
import type { QuestionnaireItem, QuestionnaireResponse, QuestionnaireResponseItem, QuestionnaireResponseItemAnswer } from '@medplum/fhirtypes';
import type { ScaleDefinition } from './types.js';

const MIN_VALUE = 'http://hl7.org/fhir/StructureDefinition/minValue';
const MAX_VALUE = 'http://hl7.org/fhir/StructureDefinition/maxValue';

/** every question of the Questionnaire by linkId, groups flattened */
export function questionIndex(items: QuestionnaireItem[] = [], into = new Map<string, QuestionnaireItem>()): Map<string, QuestionnaireItem> {
  for (const item of items) {
    if (item.type !== 'group' && item.type !== 'display') into.set(item.linkId!, item);
    questionIndex(item.item, into);
  }
  return into;
}

/** the answers of a response by linkId, groups flattened */
export function answersOf(items: QuestionnaireResponseItem[] = [], into = new Map<string, QuestionnaireResponseItemAnswer[]>()): Map<string, QuestionnaireResponseItemAnswer[]> {
  for (const item of items) {
    if (item.answer?.length) into.set(item.linkId!, item.answer);
    answersOf(item.item, into);
  }
  return into;
}

const field = (linkId: string) => `item.${linkId}`;
const itemText = (q: QuestionnaireItem) => q.text ?? q.linkId!;

function checkAnswer(q: QuestionnaireItem, a: QuestionnaireResponseItemAnswer, errors: FieldError[]): void {
  const linkId = q.linkId!;
  switch (q.type) {
    case 'choice': {
      const c = a.valueCoding;
      const known = c && (q.answerOption ?? []).some((o) => o.valueCoding?.code === c.code && (o.valueCoding?.system ?? null) === (c.system ?? null));
      if (!known) errors.push(fieldError(field(linkId), 'unknown_option', 'assessments.unknown_option', { item: itemText(q) }));
      return;
    }
    case 'integer':
    case 'decimal': {
      const v = q.type === 'integer' ? a.valueInteger : a.valueDecimal;
      if (typeof v !== 'number' || !Number.isFinite(v) || (q.type === 'integer' && !Number.isInteger(v))) {
        errors.push(fieldError(field(linkId), 'wrong_type', q.type === 'integer' ? 'assessments.integer_expected' : 'assessments.number_expected', { item: itemText(q) }));
        return;
      }
      const min = q.extension?.find((e) => e.url === MIN_VALUE);
      const max = q.extension?.find((e) => e.url === MAX_VALUE);
      const lo = min?.valueInteger ?? min?.valueDecimal;
      const hi = max?.valueInteger ?? max?.valueDecimal;
      if ((lo !== undefined && v < lo) || (hi !== undefined && v > hi)) {
        errors.push(fieldError(field(linkId), 'out_of_range', 'assessments.out_of_range', { item: itemText(q), min: lo, max: hi }));
      }
      return;
    }
    case 'boolean':
      if (typeof a.valueBoolean !== 'boolean') errors.push(fieldError(field(linkId), 'wrong_type', 'assessments.boolean_expected', { item: itemText(q) }));
      return;
    default:
      return;
  }
}

/**
 * Refuses a response that does not fit the scale version it names: another version, an unknown
 * item, an option the item does not offer, a value out of range, and (once completed) a required
 * item left unanswered. Each error names the item. A draft (in-progress) may leave items open.
 */
export function validateResponse(scale: ScaleDefinition, response: QuestionnaireResponse): void {
  const q = scale.questionnaire;
  const canonical = `${q.url}|${q.version}`;
  if (response.questionnaire !== canonical) {
    throw invalid([fieldError('questionnaire', 'version_mismatch', 'assessments.version_mismatch', { expected: canonical })]);
  }
  const questions = questionIndex(q.item);
  const answers = answersOf(response.item);
  const errors: FieldError[] = [];
  for (const [linkId, list] of answers) {
    const question = questions.get(linkId);
    if (!question) {
      errors.push(fieldError(field(linkId), 'unknown_item', 'assessments.unknown_item'));
      continue;
    }
    if (list.length > 1 && !question.repeats) errors.push(fieldError(field(linkId), 'one_answer', 'assessments.one_answer', { item: itemText(question) }));
    for (const a of list) checkAnswer(question, a, errors);
  }
  if (response.status === 'completed') {
    for (const [linkId, question] of questions) {
      if (question.required && !answers.has(linkId)) errors.push(fieldError(field(linkId), 'required', 'assessments.item_required', { item: itemText(question) }));
    }
  }
  if (errors.length) throw invalid(errors);
}
