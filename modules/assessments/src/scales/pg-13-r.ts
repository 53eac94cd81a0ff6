import type { ScaleDefinition } from '../scoring/types.js';
import { integerItem, ordinalChoice, SCALE_URL_BASE, sumOfWeights, booleanItem } from './build.js';

/**
 * PG-13-R 延长哀伤障碍量表修订版 (Prigerson HG et al., World Psychiatry 2021;20:96–106). Items as in
 * ../shared/clinical/scales.md §7.2 ([V]): 1 lost someone significant (yes/no); 2 months since the
 * death; 3–12 ten symptoms rated 1–5 (not at all … overwhelmingly), paraphrased; 13 significant
 * impairment (yes/no). Score = sum of items 3–12 (10–50); ≥30 corresponds to the DSM-5-TR symptom
 * criterion. Bands as scales.json `pg-13-r`. The referral rule (§7.7) is two overrides:
 * ≥30 **and** ≥12 months **and** impairment → automatic psychologist referral (probable PGD);
 * ≥30 but <12 months or no impairment → bereavement-worker follow-up, re-screen at 12–13 months.
 * Licence ([P]): published open access, also via PhenX; permission for product use must be
 * confirmed, hence `draft`.
 */
const yesNo = booleanItem;

const SYMPTOMS: [string, string][] = [
  ['您有多强烈地思念、渴望逝者？', 'How strongly do you long or yearn for the person who died?'],
  ['您的心思有多大程度被逝者或其离世所占据？', 'How much are your thoughts taken up with the person or the death?'],
  ['您有多大程度觉得自己的一部分随逝者而去，或对自己是谁感到困惑？', 'How much do you feel that part of you died with the person, or unsure of who you are?'],
  ['您有多大程度仍难以相信逝者已经离开？', 'How much do you still find it hard to believe the person has died?'],
  ['您有多大程度回避会让您意识到逝者已离世的事物？', 'How much do you avoid reminders that the person has died?'],
  ['与这次离世有关的情绪痛苦（如愤怒、苦涩、悲伤）有多强烈？', 'How intense is the emotional pain (e.g. anger, bitterness, sorrow) connected with the death?'],
  ['您有多难重新投入生活（如与朋友来往、培养兴趣、规划未来）？', 'How hard is it for you to get back into your life (e.g. seeing friends, pursuing interests, planning ahead)?'],
  ['自离世以来，您有多大程度感到情感麻木？', 'How emotionally numb have you felt since the death?'],
  ['您有多大程度觉得没有逝者的生活毫无意义？', 'How much do you feel life is meaningless without the person?'],
  ['您有多大程度感到强烈的孤独？', 'How intensely lonely do you feel?'],
];
const SYMPTOM_IDS = SYMPTOMS.map((_, i) => `pg13r-${i + 3}`);
const OPTIONS = [
  { code: 'not-at-all', label: { zh: '完全没有', en: 'Not at all' }, points: 1 },
  { code: 'slightly', label: { zh: '有一点', en: 'Slightly' }, points: 2 },
  { code: 'somewhat', label: { zh: '有些', en: 'Somewhat' }, points: 3 },
  { code: 'quite-a-bit', label: { zh: '相当多', en: 'Quite a bit' }, points: 4 },
  { code: 'overwhelmingly', label: { zh: '极其严重', en: 'Overwhelmingly' }, points: 5 },
];

const answer = (linkId: string) => `QuestionnaireResponse.item.where(linkId = '${linkId}').answer.value.first()`;
// the total exists only when items 3–12 are all answered (ScoreDef.requires)
const AT_LEAST_30 = `(${answer('pg13r-1')} = true) and (%total >= 30)`;

export const PG13R: ScaleDefinition = {
  id: 'pg-13-r',
  source: 'Prigerson HG, Boelen PA, Xu J, Smith KV, Maciejewski PK. World Psychiatry 2021;20:96–106; ../shared/clinical/scales.md §7.2, §7.7',
  licence: {
    text: '以开放获取方式发表（World Psychiatry 2021），亦见于 PhenX；产品使用须确认许可 (Published open access (World Psychiatry 2021); also in PhenX; confirm permission for product use.)',
    permissionRequired: true,
  },
  verification: 'V',
  questionnaire: {
    resourceType: 'Questionnaire',
    url: `${SCALE_URL_BASE}pg-13-r`,
    version: '1.0.0',
    name: 'PG13R',
    title: '延长哀伤障碍量表修订版（PG-13-R）',
    status: 'draft',
    subjectType: ['Patient', 'RelatedPerson'],
    description: '丧亲家属延长哀伤筛查，建议于离世后 12–13 个月（周年前后）使用；筛查结果不等于诊断。',
    item: [
      yesNo('pg13r-1', { zh: '您是否失去了对您很重要的人？', en: 'Have you lost someone significant to you?' }),
      integerItem('pg13r-2', { zh: '距离这位亲人离世已有多少个月？', en: 'How many months ago did the death occur?' }, 0, 1200),
      ...SYMPTOMS.map(([zh, en], i) => ordinalChoice(SYMPTOM_IDS[i], { zh, en }, OPTIONS)),
      yesNo('pg13r-13', {
        zh: '上述感受是否已明显影响您的社交、工作或其他重要方面的生活（或让您非常痛苦）？',
        en: 'Have these feelings caused significant distress or problems in your social, work or other important areas of life?',
      }),
    ],
  },
  scoring: {
    scores: [{ id: 'total', label: { zh: '总分（第 3–12 题）', en: 'Total (items 3-12)' }, expression: sumOfWeights(SYMPTOM_IDS), requires: SYMPTOM_IDS }],
    bands: [
      {
        score: 'total', code: 'below-threshold', min: 10, max: 29, label: { zh: '未达延长哀伤障碍阈值', en: 'Below PGD threshold' },
        action: { zh: '继续常规丧亲随访。', en: 'Continue routine bereavement follow-up.' },
      },
      {
        score: 'total', code: 'probable-pgd', min: 30, max: 50,
        label: { zh: '可能为延长哀伤障碍（需≥12个月且功能受损）', en: 'Probable prolonged grief disorder (if >=12 months and impairment)' },
        action: {
          zh: '若距离世≥12 个月且功能受损：自动转介心理治疗师；否则由哀伤辅导人员随访，并在离世后 12–13 个月复筛。',
          en: 'If >=12 months since death AND impairment=yes: automatic referral to psychologist; otherwise bereavement-worker follow-up and re-screen at 12-13 months.',
        },
      },
    ],
    overrides: [
      {
        id: 'pgd-referral',
        when: `${AT_LEAST_30} and (${answer('pg13r-2')} >= 12) and (${answer('pg13r-13')} = true)`,
        label: { zh: '可能为延长哀伤障碍：≥30 分、离世≥12 个月且功能受损', en: 'Probable PGD (DSM-5-TR): >=30, >=12 months and impairment' },
        action: { zh: '自动转介心理治疗师进行诊断性评估。', en: 'Automatic referral to psychologist.' },
        task: { role: 'psychologist', priority: 'routine', dueHours: 168 },
      },
      {
        id: 'pgd-follow-up',
        when: `${AT_LEAST_30} and ((${answer('pg13r-2')} < 12) or (${answer('pg13r-13')} = false))`,
        label: { zh: '≥30 分，但离世未满 12 个月或无功能受损', en: '>=30 but <12 months or no impairment' },
        action: { zh: '由哀伤辅导人员随访；在离世后 12–13 个月复筛。', en: 'Bereavement-worker follow-up; re-screen at 12-13 months.' },
        task: { role: 'social_worker', priority: 'routine', dueHours: 168 },
      },
    ],
  },
};
