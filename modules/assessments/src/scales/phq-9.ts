import type { ScaleDefinition } from '../scoring/types.js';
import { loinc, ordinalChoice, SCALE_URL_BASE, sumOfWeights, OPTION_SYSTEM } from './build.js';
import { FREQUENCY_OPTIONS } from './frequency-options.js';

/**
 * PHQ-9 患者健康问卷-9. Source: Kroenke K, Spitzer RL, Williams JBW. J Gen Intern Med 2001;16:606–13;
 * bands and the item-9 override as in ../shared/clinical/scales.md §4.2 and scales.json `phq-9`
 * (all [V]). Pfizer released the PHQ without copyright restriction; the Chinese wording follows the
 * common Chinese version.
 */
const ITEMS: [string, string, string][] = [
  ['44250-9', '做事时提不起劲或没有兴趣', 'Little interest or pleasure in doing things'],
  ['44255-8', '感到心情低落、沮丧或绝望', 'Feeling down, depressed, or hopeless'],
  ['44259-0', '入睡困难、睡不安稳或睡眠过多', 'Trouble falling or staying asleep, or sleeping too much'],
  ['44254-1', '感觉疲倦或没有活力', 'Feeling tired or having little energy'],
  ['44251-7', '食欲不振或吃太多', 'Poor appetite or overeating'],
  ['44258-2', '觉得自己很糟，或觉得自己很失败，或让自己或家人失望', 'Feeling bad about yourself, or that you are a failure or have let yourself or your family down'],
  ['44252-5', '对事物专注有困难，例如阅读报纸或看电视时', 'Trouble concentrating on things, such as reading the newspaper or watching television'],
  ['44253-3', '动作或说话速度缓慢到别人已经察觉；或正好相反，烦躁或坐立不安、动来动去的情况比平常多', 'Moving or speaking so slowly that other people could have noticed, or the opposite: being so fidgety or restless that you have been moving around a lot more than usual'],
  ['44260-8', '有不如死掉或用某种方式伤害自己的念头', 'Thoughts that you would be better off dead, or of hurting yourself in some way'],
];
const LINK_IDS = ITEMS.map((_, i) => `phq9-${i + 1}`);

export const PHQ9: ScaleDefinition = {
  id: 'phq-9',
  source: 'Kroenke, Spitzer & Williams, J Gen Intern Med 2001;16:606–13; ../shared/clinical/scales.md §4.2',
  licence: { text: 'Pfizer 已无偿公开 PHQ，使用无需许可 (free; no permission required)', permissionRequired: false },
  verification: 'V (scoring, bands, total/panel codes); P (item codes)',
  questionnaire: {
    resourceType: 'Questionnaire',
    url: `${SCALE_URL_BASE}phq-9`,
    version: '1.0.0',
    name: 'PHQ9',
    title: '患者健康问卷-9（PHQ-9）',
    status: 'active',
    subjectType: ['Patient'],
    code: [loinc('44249-1')],
    description: '抑郁筛查与严重程度评估；回顾过去两周。',
    item: [
      { linkId: 'intro', type: 'display', text: '在过去两周里，您有多少时间受到以下问题的困扰？' },
      ...ITEMS.map(([code, zh, en], i) => ordinalChoice(LINK_IDS[i], { zh, en }, FREQUENCY_OPTIONS, loinc(code))),
      {
        linkId: 'phq9-difficulty', type: 'choice', required: false, code: [loinc('69722-7')],
        text: '如果您有上述任何问题，这些问题让您在工作、料理家务或与他人相处上有多困难？',
        answerOption: [['none', '毫无困难'], ['some', '有些困难'], ['very', '非常困难'], ['extreme', '极度困难']]
          .map(([code, display]) => ({ valueCoding: { system: OPTION_SYSTEM, code, display } })),
      },
    ],
  },
  scoring: {
    scores: [{ id: 'total', label: { zh: '总分', en: 'Total' }, expression: sumOfWeights(LINK_IDS), requires: LINK_IDS }],
    bands: [
      { score: 'total', code: 'minimal', min: 0, max: 4, label: { zh: '无/极轻', en: 'None-minimal' }, action: { zh: '无需处理。', en: 'None.' } },
      { score: 'total', code: 'mild', min: 5, max: 9, label: { zh: '轻度', en: 'Mild' }, action: { zh: '观察等待，随访时复评。', en: 'Watchful waiting; repeat at follow-up.' } },
      { score: 'total', code: 'moderate', min: 10, max: 14, label: { zh: '中度', en: 'Moderate' }, action: { zh: '医生评估，制定治疗计划（心理咨询、随访，必要时药物）。', en: 'Clinician review; treatment plan (counselling, follow-up, +/- medication).' }, task: { role: 'doctor', priority: 'routine', dueHours: 72 } },
      { score: 'total', code: 'moderately-severe', min: 15, max: 19, label: { zh: '中重度', en: 'Moderately severe' }, action: { zh: '积极治疗，转介心理/精神科。', en: 'Active treatment; refer to mental health.' }, task: { role: 'psychologist', priority: 'urgent', dueHours: 72 } },
      { score: 'total', code: 'severe', min: 20, max: 27, label: { zh: '重度', en: 'Severe' }, action: { zh: '尽快治疗，加急转介精神科/心理科。', en: 'Prompt treatment; expedited psychiatry/psychology referral.' }, task: { role: 'psychologist', priority: 'urgent', dueHours: 24 } },
    ],
    overrides: [{
      id: 'suicide-risk',
      when: `QuestionnaireResponse.repeat(item).where(linkId = 'phq9-9').answer.value.weight().first() >= 1`,
      label: { zh: '自杀风险：第 9 题阳性', en: 'Suicide risk: item 9 positive' },
      action: { zh: '无论总分多少，当日由医生进行自杀风险评估。', en: 'Immediate same-day suicide-risk assessment, regardless of total.' },
      task: { role: 'doctor', priority: 'stat', dueHours: 4 },
    }],
  },
};
