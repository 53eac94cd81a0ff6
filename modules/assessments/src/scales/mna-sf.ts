import type { QuestionnaireItem } from '@medplum/fhirtypes';
import type { ScaleDefinition } from '../scoring/types.js';
import { loinc, ordinalChoice, SCALE_URL_BASE, sumOfWeights } from './build.js';

/**
 * MNA-SF 微型营养评定简表. Source: Rubenstein et al. 2001 / Kaiser et al. 2009 (Nestlé Nutrition
 * Institute); items, points and bands as in ../shared/clinical/scales.md §5.3 and scales.json
 * `mna-sf` ([V] items, bands, LOINC 107107-5; [P] action algorithm; [U] licence). F2 (calf
 * circumference) is answered only when BMI (F1) is unavailable; when both are given F1 counts.
 * Item wording is paraphrased (® Société des Produits Nestlé).
 */
type Level = [string, number, string, string];
const ITEMS: { key: string; zh: string; en: string; levels: Level[] }[] = [
  { key: 'A', zh: 'A. 过去 3 个月内是否因食欲下降、消化问题、咀嚼或吞咽困难而进食减少？', en: 'A. Has food intake declined over the past 3 months (appetite, digestion, chewing or swallowing)?', levels: [
    ['severe', 0, '进食严重减少', 'Severe decrease'], ['moderate', 1, '进食中度减少', 'Moderate decrease'], ['none', 2, '进食未减少', 'No decrease'],
  ] },
  { key: 'B', zh: 'B. 过去 3 个月内体重下降情况', en: 'B. Weight loss during the past 3 months', levels: [
    ['gt-3kg', 0, '下降超过 3 公斤', 'More than 3 kg'], ['unknown', 1, '不知道', 'Does not know'], ['1-3kg', 2, '下降 1–3 公斤', '1–3 kg'], ['none', 3, '无体重下降', 'No weight loss'],
  ] },
  { key: 'C', zh: 'C. 活动能力', en: 'C. Mobility', levels: [
    ['bed-chair', 0, '卧床或只能坐椅', 'Bed or chair bound'], ['indoors', 1, '能离床/离椅，但不能外出', 'Gets out of bed/chair but does not go out'], ['goes-out', 2, '能外出活动', 'Goes out'],
  ] },
  { key: 'D', zh: 'D. 过去 3 个月内是否经历心理应激或急性疾病？', en: 'D. Psychological stress or acute disease in the past 3 months?', levels: [
    ['yes', 0, '是', 'Yes'], ['no', 2, '否', 'No'],
  ] },
  { key: 'E', zh: 'E. 神经精神问题', en: 'E. Neuropsychological problems', levels: [
    ['severe', 0, '严重痴呆或抑郁', 'Severe dementia or depression'], ['mild-dementia', 1, '轻度痴呆', 'Mild dementia'], ['none', 2, '无精神心理问题', 'No psychological problems'],
  ] },
];
const F1: Level[] = [
  ['lt-19', 0, 'BMI < 19', 'BMI < 19'], ['19-21', 1, '19 ≤ BMI < 21', '19 ≤ BMI < 21'], ['21-23', 2, '21 ≤ BMI < 23', '21 ≤ BMI < 23'], ['ge-23', 3, 'BMI ≥ 23', 'BMI ≥ 23'],
];
const F2: Level[] = [['lt-31', 0, '小腿围 < 31 cm', 'Calf circumference < 31 cm'], ['ge-31', 3, '小腿围 ≥ 31 cm', 'Calf circumference ≥ 31 cm']];

export const MNA_SF_LINK_IDS: Record<string, string> = { A: 'mna-a', B: 'mna-b', C: 'mna-c', D: 'mna-d', E: 'mna-e', F1: 'mna-f1', F2: 'mna-f2' };
const CORE = ITEMS.map((i) => MNA_SF_LINK_IDS[i.key]);
const options = (levels: Level[]) => levels.map(([code, points, zh, en]) => ({ code, label: { zh: `${zh}（${points}分）`, en: `${en} (${points})` }, points }));
/** F1 or F2: answered only one of them, so neither is required on its own */
const optional = (item: QuestionnaireItem): QuestionnaireItem => ({ ...item, required: false });
const weightOf = (linkId: string) => `QuestionnaireResponse.repeat(item).where(linkId = '${linkId}').answer.value.weight().first()`;
const answered = (linkId: string) => `QuestionnaireResponse.repeat(item).where(linkId = '${linkId}').answer.exists()`;

export const MNA_SF: ScaleDefinition = {
  id: 'mna-sf',
  source: 'Kaiser MJ et al., J Nutr Health Aging 2009 (MNA®-SF); ../shared/clinical/scales.md §5.3',
  licence: { text: '® Société des Produits Nestlé；按雀巢营养研究院条款使用，电子化使用须确认 (Nestlé Nutrition Institute terms; confirm for electronic use)', permissionRequired: false },
  verification: 'V (items, bands, LOINC); P (action algorithm); U (licence)',
  questionnaire: {
    resourceType: 'Questionnaire',
    url: `${SCALE_URL_BASE}mna-sf`,
    version: '1.0.0',
    name: 'MNASF',
    title: '微型营养评定简表（MNA-SF）',
    status: 'active',
    subjectType: ['Patient'],
    code: [loinc('107107-5')],
    description: '营养筛查，总分 0–14 分；无法获得 BMI 时以小腿围（F2）代替 F1。',
    item: [
      ...ITEMS.map((it) => ordinalChoice(MNA_SF_LINK_IDS[it.key], { zh: it.zh, en: it.en }, options(it.levels))),
      optional(ordinalChoice(MNA_SF_LINK_IDS.F1, { zh: 'F1. 体重指数（BMI，kg/m²）', en: 'F1. Body mass index (BMI, kg/m²)' }, options(F1))),
      {
        ...optional(ordinalChoice(MNA_SF_LINK_IDS.F2, { zh: 'F2. 小腿围（仅在无法获得 BMI 时填写）', en: 'F2. Calf circumference (only if BMI is not available)' }, options(F2))),
        enableWhen: [{ question: MNA_SF_LINK_IDS.F1, operator: 'exists', answerBoolean: false }],
      },
    ],
  },
  scoring: {
    scores: [{
      id: 'total', label: { zh: '总分', en: 'Total' },
      // A–E, plus F1 when answered, otherwise F2; with neither the total stays uncomputed
      expression: `(${sumOfWeights(CORE)}) + iif(${answered(MNA_SF_LINK_IDS.F1)}, ${weightOf(MNA_SF_LINK_IDS.F1)}, ${weightOf(MNA_SF_LINK_IDS.F2)})`,
      requires: CORE,
    }],
    bands: [
      { score: 'total', code: 'malnourished', min: 0, max: 7, label: { zh: '营养不良', en: 'Malnourished' },
        action: { zh: '给予治疗：口服营养补充约 400–600 kcal/日，膳食强化，密切监测体重，并进行全面营养评估。', en: 'Treat: ONS ~400-600 kcal/d, diet enrichment, close weight monitoring, full assessment.' },
        task: { role: 'doctor', priority: 'routine', dueHours: 72 } },
      { score: 'total', code: 'at-risk', min: 8, max: 11, label: { zh: '存在营养不良风险', en: 'At risk of malnutrition' },
        action: { zh: '有体重下降者给予治疗（口服营养补充约 400 kcal/日）；无体重下降者监测体重，3 个月后复筛。', en: 'With weight loss: treat (ONS ~400 kcal/d); without: monitor weight, re-screen in 3 months.' },
        task: { role: 'nurse', priority: 'routine', dueHours: 72 } },
      { score: 'total', code: 'normal', min: 12, max: 14, label: { zh: '营养状况正常', en: 'Normal nutritional status' },
        action: { zh: '急性事件后复筛；社区每年一次，养老/护理机构每 3 个月一次。', en: 'Re-screen after acute event / yearly (community) / 3-monthly (institution).' } },
    ],
  },
};
