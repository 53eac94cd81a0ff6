import type { QuestionnaireItem } from '@medplum/fhirtypes';
import type { ScaleDefinition, Text } from '../scoring/types.js';
import { integerItem, ordinalChoice, SCALE_URL_BASE, booleanItem } from './build.js';

/**
 * NRS-2002 营养风险筛查2002. Source: Kondrup J et al., ESPEN, Clin Nutr 2003;22:415–21; initial and
 * final screening, scoring and bands as in ../shared/clinical/scales.md §5.1 and scales.json
 * `nrs-2002` ([V] items, cut-off; [P] moderate-intake variant: the 2003 paper's 25–60 % is used;
 * Chinese BMI adaptations not applied). Any "yes" in the four initial questions leads to the final
 * screening: nutritional status (highest qualifying grade, 0–3) + disease severity (0–3) + 1 if aged
 * ≥ 70, total 0–7. All four "no" → no final screening, no total, re-screen weekly (an override).
 * The final-screening items are conditional (enableWhen), so they are not `required`.
 */
const yesNo = booleanItem;

const INITIAL: [string, Text][] = [
  ['nrs2002-bmi', { zh: '体重指数（BMI）是否 < 20.5？', en: 'Is BMI < 20.5?' }],
  ['nrs2002-weight-loss', { zh: '过去 3 个月内体重是否下降？', en: 'Has the patient lost weight within the last 3 months?' }],
  ['nrs2002-intake', { zh: '过去 1 周内进食量是否减少？', en: 'Has the patient had a reduced dietary intake in the last week?' }],
  ['nrs2002-severely-ill', { zh: '是否病情严重（如正在接受重症监护治疗）？', en: 'Is the patient severely ill (e.g. in intensive therapy)?' }],
];
export const NRS2002_INITIAL_LINK_IDS = INITIAL.map(([l]) => l);
export const NRS2002_STATUS = 'nrs2002-nutritional-status';
export const NRS2002_SEVERITY = 'nrs2002-disease-severity';
export const NRS2002_AGE = 'nrs2002-age';

const anyInitialYes = NRS2002_INITIAL_LINK_IDS.map((l) => ({ question: l, operator: '=' as const, answerBoolean: true }));
const finalItem = (item: QuestionnaireItem): QuestionnaireItem => ({ ...item, required: false, enableWhen: anyInitialYes, enableBehavior: 'any' });

const initialAnswers = `QuestionnaireResponse.repeat(item).where(${NRS2002_INITIAL_LINK_IDS.map((l) => `linkId = '${l}'`).join(' or ')}).answer.value`;
const value = (linkId: string) => `QuestionnaireResponse.repeat(item).where(linkId = '${linkId}').answer.value`;
/** +1 at age ≥ 70; no age → empty, so the total stays uncomputed */
const agePoints = `iif(${value(NRS2002_AGE)}.exists(), iif(${value(NRS2002_AGE)}.first() >= 70, 1, 0), {})`;

export const NRS_2002: ScaleDefinition = {
  id: 'nrs-2002',
  source: 'Kondrup J et al., ESPEN, Clin Nutr 2003;22:415–21; ../shared/clinical/scales.md §5.1',
  licence: { text: '已公开发表（Kondrup 等，ESPEN，Clin Nutr 2003）(published)', permissionRequired: false },
  verification: 'V (items, cut-off); P (intake % variant 25-50 vs 25-60; Chinese adaptations)',
  questionnaire: {
    resourceType: 'Questionnaire',
    url: `${SCALE_URL_BASE}nrs-2002`,
    version: '1.0.0',
    name: 'NRS2002',
    title: '营养风险筛查2002（NRS-2002）',
    status: 'active',
    subjectType: ['Patient'],
    description: '住院患者营养风险筛查：初筛 4 题任一回答"是"则进行终筛，终筛总分 0–7 分，≥3 分提示存在营养风险。',
    item: [
      { linkId: 'initial', type: 'display', text: '初筛（任一回答"是"则进行终筛）' },
      ...INITIAL.map(([linkId, text]) => yesNo(linkId, text)),
      { linkId: 'final', type: 'display', text: '终筛', enableWhen: anyInitialYes, enableBehavior: 'any' },
      finalItem(ordinalChoice(NRS2002_STATUS, { zh: '营养状况受损（取符合的最高等级）', en: 'Impaired nutritional status (highest qualifying grade)' }, [
        { code: 'absent', points: 0, label: { zh: '无（0分）：营养状况正常', en: 'Absent (0): normal nutritional status' } },
        { code: 'mild', points: 1, label: { zh: '轻度（1分）：3 个月内体重下降 >5%，或前 1 周进食量为需要量的 50%–75%', en: 'Mild (1): weight loss >5 % in 3 months, or intake 50–75 % of requirement in the preceding week' } },
        { code: 'moderate', points: 2, label: { zh: '中度（2分）：2 个月内体重下降 >5%，或 BMI 18.5–20.5 且一般情况差，或前 1 周进食量为需要量的 25%–60%', en: 'Moderate (2): weight loss >5 % in 2 months, or BMI 18.5–20.5 + impaired general condition, or intake 25–60 % of requirement in the preceding week' } },
        { code: 'severe', points: 3, label: { zh: '重度（3分）：1 个月内体重下降 >5%（约 3 个月内 >15%），或 BMI <18.5 且一般情况差，或前 1 周进食量为需要量的 0–25%', en: 'Severe (3): weight loss >5 % in 1 month (≈ >15 % in 3 months), or BMI <18.5 + impaired general condition, or intake 0–25 % of requirement in the preceding week' } },
      ])),
      finalItem(ordinalChoice(NRS2002_SEVERITY, { zh: '疾病严重程度（营养需要量增加）', en: 'Severity of disease (increase in requirements)' }, [
        { code: 'absent', points: 0, label: { zh: '无（0分）：营养需要量正常', en: 'Absent (0): normal nutritional requirements' } },
        { code: 'mild', points: 1, label: { zh: '轻度（1分）：髋部骨折；慢性疾病伴急性并发症（肝硬化、慢阻肺、长期血液透析、糖尿病、肿瘤）', en: 'Mild (1): hip fracture; chronic disease with acute complication (cirrhosis, COPD, chronic haemodialysis, diabetes, oncology)' } },
        { code: 'moderate', points: 2, label: { zh: '中度（2分）：腹部大手术、脑卒中、重症肺炎、血液系统恶性肿瘤', en: 'Moderate (2): major abdominal surgery, stroke, severe pneumonia, haematological malignancy' } },
        { code: 'severe', points: 3, label: { zh: '重度（3分）：颅脑损伤、骨髓移植、ICU 患者（APACHE II >10 分）', en: 'Severe (3): head injury, bone-marrow transplant, ICU patient (APACHE II >10)' } },
      ])),
      finalItem(integerItem(NRS2002_AGE, { zh: '年龄（岁；≥70 岁加 1 分）', en: 'Age (years; ≥ 70 adds 1 point)' }, 0, 130)),
    ],
  },
  scoring: {
    scores: [{
      id: 'total', label: { zh: '总分', en: 'Total' },
      // only after a positive initial screen; a missing final-screening answer leaves it uncomputed
      expression: `iif(${initialAnswers}.where($this = true).exists(), ${value(NRS2002_STATUS)}.weight().first() + ${value(NRS2002_SEVERITY)}.weight().first() + ${agePoints}, {})`,
      requires: NRS2002_INITIAL_LINK_IDS,
    }],
    bands: [
      { score: 'total', code: 'not-at-risk', min: 0, max: 2, label: { zh: '无营养风险', en: 'Not at nutritional risk' },
        action: { zh: '住院患者每周复筛；居家患者每次随访时复筛。', en: 'Re-screen weekly (inpatient) / at each review.' } },
      { score: 'total', code: 'at-risk', min: 3, max: 7, label: { zh: '存在营养风险', en: 'At nutritional risk' },
        action: { zh: '制定营养照护计划，转介营养师；在照护目标范围内考虑口服营养补充或肠内营养支持（PPS ≤30% 或 PPI >6 时不建议启动）。', en: 'Nutrition care plan; dietitian referral; consider ONS/enteral support within goals of care (suppress if PPS<=30% or PPI>6).' },
        task: { role: 'doctor', priority: 'routine', dueHours: 72 } },
    ],
    overrides: [{
      id: 'initial-screen-negative',
      when: `${initialAnswers}.where($this = false).count() = ${NRS2002_INITIAL_LINK_IDS.length}`,
      label: { zh: '初筛阴性：无需终筛', en: 'Initial screen negative: no final screening' },
      action: { zh: '无需进行终筛；每周复筛（如计划大手术，考虑预防性营养计划）。', en: 'No final screening; re-screen weekly (if major surgery is planned, consider a preventive nutrition plan).' },
    }],
  },
};
