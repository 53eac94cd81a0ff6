import type { BandDef, ScaleDefinition, ScoreDef, SuggestedTask, Text } from '../scoring/types.js';
import { integerItem, OPTION_SYSTEM, SCALE_URL_BASE } from './build.js';

/**
 * ESAS-r 埃德蒙顿症状评估系统（修订版）. Source: Watanabe, Nekolaichuk et al.; ESAS-r Administration
 * Manual (Alberta Health Services / Covenant Health / University of Alberta, 2019); items, 0–10
 * options and per-item bands (Selby et al., JPSM 2010) as in ../shared/clinical/scales.md §1.1 and
 * scales.json `esas-r` ([V]). TSDS = sum of the 9 core items, 0–90, excluding "other" ([P]: confirm
 * local convention); no validated TSDS bands exist, so it carries none (trend only). Recall period:
 * now. No LOINC panel; SNOMED CT 451021004 is [P] (confirm in a SNOMED browser) and is not used here.
 * Licence: free with acknowledgement; not to be modified in its form and name. scales.md §1.1 asks
 * for an authorised Chinese translation ([P]): the Chinese wording below is a working text to be
 * replaced by an authorised translation before release.
 * Not expressible per response (needs the previous assessment): "item worsened by ≥2 points or TSDS
 * rising over 2 consecutive assessments → review care plan".
 */
const CORE: [string, Text][] = [
  ['pain', { zh: '疼痛（0 = 无痛，10 = 能想象的最剧烈疼痛）', en: 'Pain (0 = no pain, 10 = worst possible pain)' }],
  ['tiredness', { zh: '疲乏（缺乏精力）（0 = 无，10 = 最严重）', en: 'Tiredness (lack of energy) (0 = none, 10 = worst possible)' }],
  ['drowsiness', { zh: '嗜睡（感觉困倦）（0 = 无，10 = 最严重）', en: 'Drowsiness (feeling sleepy) (0 = none, 10 = worst possible)' }],
  ['nausea', { zh: '恶心（0 = 无，10 = 最严重）', en: 'Nausea (0 = none, 10 = worst possible)' }],
  ['appetite', { zh: '食欲差（0 = 无，10 = 最严重）', en: 'Lack of appetite (0 = none, 10 = worst possible)' }],
  ['dyspnea', { zh: '气促（0 = 无，10 = 最严重）', en: 'Shortness of breath (0 = none, 10 = worst possible)' }],
  ['depression', { zh: '抑郁（感到悲伤）（0 = 无，10 = 最严重）', en: 'Depression (feeling sad) (0 = none, 10 = worst possible)' }],
  ['anxiety', { zh: '焦虑（感到紧张）（0 = 无，10 = 最严重）', en: 'Anxiety (feeling nervous) (0 = none, 10 = worst possible)' }],
  ['wellbeing', { zh: '整体感觉（您总体感觉如何）（0 = 最好，10 = 最差）', en: 'Wellbeing (how you feel overall) (0 = best wellbeing, 10 = worst possible)' }],
];
const CORE_IDS = CORE.map(([id]) => id);
const SCORE_LABELS: Record<string, Text> = {
  pain: { zh: '疼痛', en: 'Pain' }, tiredness: { zh: '疲乏', en: 'Tiredness' }, drowsiness: { zh: '嗜睡', en: 'Drowsiness' },
  nausea: { zh: '恶心', en: 'Nausea' }, appetite: { zh: '食欲差', en: 'Lack of appetite' }, dyspnea: { zh: '气促', en: 'Shortness of breath' },
  depression: { zh: '抑郁', en: 'Depression' }, anxiety: { zh: '焦虑', en: 'Anxiety' }, wellbeing: { zh: '整体感觉', en: 'Wellbeing' },
  other: { zh: '其他问题', en: 'Other problem' },
};

const TRANSLATION = 'http://hl7.org/fhir/StructureDefinition/translation';
/** text of an unscored item, Chinese with its English translation (as build.ts does for scored items) */
const texted = (t: Text) => ({ text: t.zh, _text: { extension: [{ url: TRANSLATION, extension: [{ url: 'lang', valueCode: 'en' }, { url: 'content', valueString: t.en }] }] } });

const itemValue = (linkId: string) => `QuestionnaireResponse.repeat(item).where(linkId = '${linkId}').answer.value.first()`;

/** the four per-item bands of scales.json `esas-r` (applied to every item, "other" included) */
const ITEM_BANDS: { code: string; min: number; max: number; label: Text; action: Text; task?: SuggestedTask }[] = [
  { code: 'none', min: 0, max: 0, label: { zh: '无', en: 'None' }, action: { zh: '无需处理。', en: 'No action.' } },
  { code: 'mild', min: 1, max: 3, label: { zh: '轻度', en: 'Mild' }, action: { zh: '记录；按照护计划处理；下次接触时复评。', en: 'Document; manage per care plan; reassess at next contact.' } },
  {
    code: 'moderate', min: 4, max: 6, label: { zh: '中度', en: 'Moderate' },
    action: {
      zh: '在本次接诊中处理；24–72 小时内复评；疼痛 ≥4 分→进行全面疼痛评估；抑郁/焦虑 ≥4 分→进行心理痛苦筛查；食欲差 ≥4 分→在照护目标允许时进行营养筛查。',
      en: 'Address at this encounter; reassess within 24-72 h; pain>=4 -> full pain assessment; depression/anxiety>=4 -> distress screen; appetite>=4 -> nutrition screen if goals allow.',
    },
    task: { role: 'nurse', priority: 'routine', dueHours: 72 },
  },
  {
    code: 'severe', min: 7, max: 10, label: { zh: '重度', en: 'Severe' },
    action: {
      zh: '标记为重度症状；当日由医生评估（居家照护：24 小时内联系）；启动相应症状处理方案。',
      en: 'Severe-symptom flag; clinician review same day (home care: contact within 24 h); start symptom protocol.',
    },
    task: { role: 'doctor', priority: 'urgent', dueHours: 24 },
  },
];

const ITEM_SCORES: ScoreDef[] = [...CORE_IDS, 'other'].map((id) => ({ id, label: SCORE_LABELS[id], expression: itemValue(id), requires: [id] }));

export const ESAS_R: ScaleDefinition = {
  id: 'esas-r',
  source: 'Watanabe, Nekolaichuk et al.; ESAS-r Administration Manual (AHS / Covenant Health / University of Alberta, 2019); Selby et al., JPSM 2010; ../shared/clinical/scales.md §1.1',
  licence: {
    text: '免费使用，须注明出处；不得修改其现有形式和名称（AHS / Covenant Health / University of Alberta）(free with acknowledgement; may not be modified in its current form and name)',
    permissionRequired: false,
  },
  verification: 'V (items, options, bands); P (TSDS convention, SNOMED code)',
  questionnaire: {
    resourceType: 'Questionnaire',
    url: `${SCALE_URL_BASE}esas-r`,
    version: '1.0.0',
    name: 'ESASr',
    title: '埃德蒙顿症状评估系统（修订版）（ESAS-r）',
    status: 'active',
    subjectType: ['Patient'],
    description: '姑息照护常用症状筛查与连续监测；评估“现在”的感受，每项 0–10 分。',
    item: [
      { linkId: 'intro', type: 'display', ...texted({ zh: '请选择最能描述您现在感受的数字（0–10）。', en: 'Please select the number that best describes how you feel now (0–10).' }) },
      ...CORE.map(([linkId, text]) => integerItem(linkId, text, 0, 10)),
      { linkId: 'other-name', type: 'string', required: false, ...texted({ zh: '其他问题（请注明，例如便秘）', en: 'Other problem (please name it, e.g. constipation)' }) },
      { ...integerItem('other', { zh: '其他问题（0 = 无，10 = 最严重）', en: 'Other problem (0 = none, 10 = worst possible)' }, 0, 10), required: false },
      {
        linkId: 'completed-by', type: 'choice', required: false, ...texted({ zh: '填写人', en: 'Completed by' }),
        answerOption: [
          ['patient', '患者本人'], ['family-caregiver', '家属照护者'], ['professional-caregiver', '医护人员'], ['caregiver-assisted', '在照护者协助下由患者填写'],
        ].map(([code, display]) => ({ valueCoding: { system: OPTION_SYSTEM, code, display } })),
      },
    ],
  },
  scoring: {
    scores: [
      {
        id: 'tsds', label: { zh: '症状困扰总分（TSDS）', en: 'Total Symptom Distress Score (TSDS)' },
        expression: `QuestionnaireResponse.repeat(item).where(${CORE_IDS.map((l) => `linkId = '${l}'`).join(' or ')}).answer.value.sum()`,
        requires: CORE_IDS,
      },
      ...ITEM_SCORES,
    ],
    bands: ITEM_SCORES.flatMap((s): BandDef[] => ITEM_BANDS.map((b) => ({ score: s.id, ...b }))),
  },
};
