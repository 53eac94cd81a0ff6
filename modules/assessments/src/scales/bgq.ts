import type { ScaleDefinition } from '../scoring/types.js';
import { ordinalChoice, SCALE_URL_BASE, sumOfWeights, monthsSinceDeathItem } from './build.js';
import { BEREAVEMENT_CONTACT, bereavementReferral } from './bereavement-rules.js';

/**
 * BGQ 简明哀伤问卷 (Shear & Essock 2002). Five items (paraphrased as in
 * ../shared/clinical/scales.md §7.3), each 0 not at all / 1 somewhat / 2 a lot ([V]); total 0–10;
 * bands 0–4 low, 5–7 possible (sub-threshold) complicated grief, 8–10 probable complicated grief
 * ([P]: ≥5 suggestive per the published description, ≥8 from the Japanese validation, Ito et al.
 * 2012; a service-design choice needing governance sign-off, §12 item 9). The referral rule of
 * §7.7 ("BGQ ≥8 at ≥6 months → psychologist"; before 6 months supportive outreach, not a
 * diagnostic label) needs the time since the death, recorded in an optional item and read by the
 * overrides. Licence: © University of Pittsburgh 2002; free to use.
 */
const ITEMS: [string, string][] = [
  ['您有多难接受这位亲人的离世？', 'How much trouble are you having accepting the death?'],
  ['您的哀伤在多大程度上仍在干扰您的生活？', 'How much does your grief still interfere with your life?'],
  ['有关亲人离世或有关这位亲人的画面或念头，在多大程度上困扰着您？', 'How much are images or thoughts about the death, or about the person, troubling you?'],
  ['您在多大程度上回避与这位亲人有关的事物？', 'How much are you avoiding things associated with the person?'],
  ['自亲人离世后，您在多大程度上觉得与他人隔绝或疏远？', 'How much do you feel cut off or distant from other people since the death?'],
];
const LINK_IDS = ITEMS.map((_, i) => `bgq-${i + 1}`);
const OPTIONS = [
  { code: 'not-at-all', label: { zh: '完全没有', en: 'Not at all' }, points: 0 },
  { code: 'somewhat', label: { zh: '有一些', en: 'Somewhat' }, points: 1 },
  { code: 'a-lot', label: { zh: '很多', en: 'A lot' }, points: 2 },
];

// the total exists only when every item is answered (ScoreDef.requires)
const TOTAL_AT_LEAST_8 = '(%total >= 8)';

const monthsItem = monthsSinceDeathItem();

export const BGQ: ScaleDefinition = {
  id: 'bgq',
  source: 'Shear MK, Essock S. Brief Grief Questionnaire, University of Pittsburgh 2002; Ito et al. 2012 (≥8); ../shared/clinical/scales.md §7.3, §7.7',
  licence: { text: '© University of Pittsburgh 2002 (Shear & Essock)；免费使用 (free to use)', permissionRequired: false },
  verification: 'V (items, options); P (>=5 suggestive per published description; >=8 threshold from Japanese validation)',
  questionnaire: {
    resourceType: 'Questionnaire',
    url: `${SCALE_URL_BASE}bgq`,
    version: '1.0.0',
    name: 'BriefGriefQuestionnaire',
    title: '简明哀伤问卷（BGQ）',
    status: 'active',
    subjectType: ['Patient', 'RelatedPerson'],
    description: '丧亲家属复杂性哀伤筛查；筛查阳性须由专业人员进行全面临床评估后方可诊断。',
    item: [
      monthsItem,
      ...ITEMS.map(([zh, en], i) => ordinalChoice(LINK_IDS[i], { zh, en }, OPTIONS)),
    ],
  },
  scoring: {
    scores: [{ id: 'total', label: { zh: '总分', en: 'Total' }, expression: sumOfWeights(LINK_IDS), requires: LINK_IDS }],
    bands: [
      { score: 'total', code: 'low', min: 0, max: 4, label: { zh: '低', en: 'Low' }, action: { zh: '常规随访。', en: 'Routine follow-up.' } },
      {
        score: 'total', code: 'possible-cg', min: 5, max: 7, label: { zh: '可能存在复杂性哀伤', en: 'Possible (sub-threshold) complicated grief' },
        action: { zh: '由哀伤辅导人员/社会工作者联系家属；1–3 个月后复筛。', en: 'Bereavement/social-worker contact; re-screen in 1-3 months.' },
        task: BEREAVEMENT_CONTACT,
      },
      {
        score: 'total', code: 'probable-cg', min: 8, max: 10, label: { zh: '很可能为复杂性哀伤', en: 'Probable complicated grief' },
        action: { zh: '若距离世已满 6 个月：自动转介心理治疗师；未满 6 个月：提供支持性外展关怀。', en: 'If >=6 months since death: automatic referral to psychologist; earlier: supportive outreach.' },
      },
    ],
    overrides: bereavementReferral(TOTAL_AT_LEAST_8, { zh: 'BGQ≥8', en: 'BGQ >=8' }, { zh: '复筛', en: 're-screen' }),
  },
};
