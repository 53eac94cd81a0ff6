import type { ScaleDefinition } from '../scoring/types.js';
import { loinc, ordinalChoice, SCALE_URL_BASE, sumOfWeights } from './build.js';
import { FREQUENCY_OPTIONS } from './frequency-options.js';

/**
 * GAD-7 广泛性焦虑量表-7. Source: Spitzer RL, Kroenke K, Williams JBW, Löwe B. Arch Intern Med
 * 2006;166:1092–7; bands and actions as in ../shared/clinical/scales.md §4.3 and scales.json `gad-7`
 * ([V]). Released by Pfizer without copyright restriction.
 */
const ITEMS: [string, string, string][] = [
  ['69725-0', '感觉紧张、焦虑或急切', 'Feeling nervous, anxious, or on edge'],
  ['68509-9', '不能够停止或控制担忧', 'Not being able to stop or control worrying'],
  ['69733-4', '对各种各样的事情担忧过多', 'Worrying too much about different things'],
  ['69734-2', '很难放松下来', 'Trouble relaxing'],
  ['69735-9', '由于不安而无法静坐', 'Being so restless that it is hard to sit still'],
  ['69689-8', '变得容易烦恼或急躁', 'Becoming easily annoyed or irritable'],
  ['69736-7', '感到似乎将有可怕的事情发生而害怕', 'Feeling afraid, as if something awful might happen'],
];
const LINK_IDS = ITEMS.map((_, i) => `gad7-${i + 1}`);

export const GAD7: ScaleDefinition = {
  id: 'gad-7',
  source: 'Spitzer, Kroenke, Williams & Löwe, Arch Intern Med 2006;166:1092–7; ../shared/clinical/scales.md §4.3',
  licence: { text: 'Pfizer 已无偿公开 GAD-7，使用无需许可 (free; no permission required)', permissionRequired: false },
  verification: 'V (scoring, bands, total/panel codes); P (item codes)',
  questionnaire: {
    resourceType: 'Questionnaire',
    url: `${SCALE_URL_BASE}gad-7`,
    version: '1.0.0',
    name: 'GAD7',
    title: '广泛性焦虑量表-7（GAD-7）',
    status: 'active',
    subjectType: ['Patient'],
    code: [loinc('69737-5')],
    description: '焦虑筛查与严重程度评估；回顾过去两周。',
    item: [
      { linkId: 'intro', type: 'display', text: '在过去两周里，您有多少时间受到以下问题的困扰？' },
      ...ITEMS.map(([code, zh, en], i) => ordinalChoice(LINK_IDS[i], { zh, en }, FREQUENCY_OPTIONS, loinc(code))),
    ],
  },
  scoring: {
    scores: [{ id: 'total', label: { zh: '总分', en: 'Total' }, expression: sumOfWeights(LINK_IDS), requires: LINK_IDS }],
    bands: [
      { score: 'total', code: 'minimal', min: 0, max: 4, label: { zh: '极轻', en: 'Minimal' }, action: { zh: '无需处理。', en: 'None.' } },
      { score: 'total', code: 'mild', min: 5, max: 9, label: { zh: '轻度', en: 'Mild' }, action: { zh: '观察，随访时复评。', en: 'Monitor; repeat at follow-up.' } },
      { score: 'total', code: 'moderate', min: 10, max: 14, label: { zh: '中度', en: 'Moderate' }, action: { zh: '医生评估是否存在焦虑障碍。', en: 'Clinician evaluation for anxiety disorder.' }, task: { role: 'doctor', priority: 'routine', dueHours: 72 } },
      { score: 'total', code: 'severe', min: 15, max: 21, label: { zh: '重度', en: 'Severe' }, action: { zh: '转介心理/精神科。', en: 'Refer to mental health.' }, task: { role: 'psychologist', priority: 'urgent', dueHours: 72 } },
    ],
  },
};
