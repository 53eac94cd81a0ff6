import type { QuestionnaireItem, QuestionnaireItemAnswerOption } from '@medplum/fhirtypes';
import type { Text } from '../scoring/types.js';

/** canonical urls of built-in scales: stable, so a stored response always names what it answered */
export const SCALE_URL_BASE = 'urn:kangyun:questionnaire:';
export const OPTION_SYSTEM = 'urn:kangyun:scale-option';
const ORDINAL = 'http://hl7.org/fhir/StructureDefinition/ordinalValue';
const TRANSLATION = 'http://hl7.org/fhir/StructureDefinition/translation';

/** Chinese text with its English translation (the FHIR translation extension on `_text`) */
function texted(text: Text) {
  return { text: text.zh, _text: { extension: [{ url: TRANSLATION, extension: [{ url: 'lang', valueCode: 'en' }, { url: 'content', valueString: text.en }] }] } };
}

export interface OrdinalOption {
  code: string;
  label: Text;
  points: number;
}

/** a scored single-choice item: each option carries its points as ordinalValue (read by weight()) */
export function ordinalChoice(linkId: string, text: Text, options: OrdinalOption[], code?: { system: string; code: string }): QuestionnaireItem {
  return {
    linkId,
    ...texted(text),
    type: 'choice',
    required: true,
    ...(code ? { code: [code] } : {}),
    answerOption: options.map((o): QuestionnaireItemAnswerOption => ({
      valueCoding: { system: OPTION_SYSTEM, code: o.code, display: o.label.zh },
      extension: [{ url: ORDINAL, valueDecimal: o.points }],
    })),
  } as QuestionnaireItem;
}

/** an integer item with its range (e.g. a 0–10 rating) */
export function integerItem(linkId: string, text: Text, min: number, max: number, code?: { system: string; code: string }): QuestionnaireItem {
  return {
    linkId,
    ...texted(text),
    type: 'integer',
    required: true,
    ...(code ? { code: [code] } : {}),
    extension: [
      { url: 'http://hl7.org/fhir/StructureDefinition/minValue', valueInteger: min },
      { url: 'http://hl7.org/fhir/StructureDefinition/maxValue', valueInteger: max },
    ],
  } as QuestionnaireItem;
}

export const loinc = (code: string) => ({ system: 'http://loinc.org', code });

/** the FHIRPath sum of the points of the given items (each must be answered: see ScoreDef.requires) */
export const sumOfWeights = (linkIds: string[]) =>
  `QuestionnaireResponse.repeat(item).where(${linkIds.map((l) => `linkId = '${l}'`).join(' or ')}).answer.value.weight().sum()`;

/** a yes/no item */
export function booleanItem(linkId: string, text: Text): QuestionnaireItem {
  return { linkId, ...texted(text), type: 'boolean', required: true } as QuestionnaireItem;
}

/** months since the death, asked of the bereaved (optional: referral rules read it when given) */
export const monthsSinceDeathItem = (): QuestionnaireItem => ({
  ...integerItem('months-since-death', { zh: '距亲人离世已有多少个月？', en: 'Months since the death' }, 0, 1200),
  required: false,
});
export const MONTHS_SINCE_DEATH = `QuestionnaireResponse.item.where(linkId = 'months-since-death').answer.value.first()`;
