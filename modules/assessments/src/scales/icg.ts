import type { ScaleDefinition } from '../scoring/types.js';
import { ordinalChoice, SCALE_URL_BASE, sumOfWeights, monthsSinceDeathItem } from './build.js';
import { bereavementReferral } from './bereavement-rules.js';

/**
 * ICG 复杂性哀伤量表 (Prigerson HG et al., Psychiatry Res 1995;59:65–79). 19 items, each 0–4
 * (never / rarely / sometimes / often / always), total 0–76, >25 ≈ complicated grief with
 * significant impairment at ≥6 months post-loss, as in ../shared/clinical/scales.md §7.4 and
 * scales.json `icg` ([V]). scales.md does not list the items: they follow the published inventory,
 * paraphrased (not the official wording); a validated Chinese version must replace them before
 * patient use (§7.4 "Chinese versions exist" [U]; §12 item 13). The referral rule of §7.7
 * ("ICG >25 at ≥6 months → psychologist"; before 6 months supportive outreach, not a diagnostic
 * label) needs the time since the death, recorded in an optional item and read by the overrides.
 */
const ITEMS: [string, string][] = [
  ['我常常想着逝者，以致难以做平常该做的事', 'Thinking about the person so much that it is hard to do usual things'],
  ['想起逝者会让我心烦意乱', 'Memories of the person are upsetting'],
  ['我觉得无法接受这个死亡', 'Feeling unable to accept the death'],
  ['我渴望、思念逝者', 'Longing for the person'],
  ['我会被与逝者有关的地方和物品所吸引', 'Feeling drawn to places and things connected with the person'],
  ['我对逝者的死忍不住感到愤怒', 'Feeling angry about the death'],
  ['我对所发生的事感到难以置信', 'Disbelief about what happened'],
  ['我对所发生的事感到震惊、茫然', 'Feeling stunned or dazed by what happened'],
  ['逝者离世后，我难以信任别人', 'Finding it hard to trust people since the death'],
  ['逝者离世后，我好像不再能关心他人，或觉得与在乎的人疏远了', 'Feeling unable to care about others, or distant from people one cares about, since the death'],
  ['我身上出现与逝者相同部位的疼痛或相似的症状', 'Having pain in the same place, or symptoms like those, the person had'],
  ['我刻意回避会让我想起逝者的事物', 'Going out of one\'s way to avoid reminders of the person'],
  ['没有逝者，我觉得生活很空虚', 'Feeling life is empty without the person'],
  ['我会听到逝者对我说话的声音', 'Hearing the person\'s voice speaking'],
  ['我会看到逝者站在我面前', 'Seeing the person standing in front of one'],
  ['我觉得逝者离世而我还活着是不公平的', 'Feeling it is unfair to be alive when the person has died'],
  ['我对逝者的死感到怨恨', 'Feeling bitter about the death'],
  ['我羡慕那些没有失去亲人的人', 'Feeling envious of others who have not lost someone close'],
  ['逝者离世后，我很多时候都感到孤独', 'Feeling lonely much of the time since the death'],
];
const LINK_IDS = ITEMS.map((_, i) => `icg-${i + 1}`);
const OPTIONS = [
  { code: 'never', label: { zh: '从不', en: 'Never' }, points: 0 },
  { code: 'rarely', label: { zh: '很少', en: 'Rarely' }, points: 1 },
  { code: 'sometimes', label: { zh: '有时', en: 'Sometimes' }, points: 2 },
  { code: 'often', label: { zh: '经常', en: 'Often' }, points: 3 },
  { code: 'always', label: { zh: '总是', en: 'Always' }, points: 4 },
];

// the total exists only when every item is answered (ScoreDef.requires)
const ABOVE_25 = '(%total > 25)';

const monthsItem = monthsSinceDeathItem();

export const ICG: ScaleDefinition = {
  id: 'icg',
  source: 'Prigerson HG, Maciejewski PK, Reynolds CF et al. Psychiatry Res 1995;59:65–79; ../shared/clinical/scales.md §7.4, §7.7',
  licence: { text: '已公开发表（Prigerson et al., Psychiatry Res 1995）(Published (Prigerson et al., Psychiatry Res 1995).)', permissionRequired: false },
  verification: 'V (range, >25)',
  questionnaire: {
    resourceType: 'Questionnaire',
    url: `${SCALE_URL_BASE}icg`,
    version: '1.0.0',
    name: 'InventoryOfComplicatedGrief',
    title: '复杂性哀伤量表（ICG）',
    status: 'active',
    subjectType: ['Patient', 'RelatedPerson'],
    description: '丧亲家属复杂性哀伤评估；请根据您目前的感受，选择每种情况出现的频率。',
    item: [
      monthsItem,
      ...ITEMS.map(([zh, en], i) => ordinalChoice(LINK_IDS[i], { zh, en }, OPTIONS)),
    ],
  },
  scoring: {
    scores: [{ id: 'total', label: { zh: '总分', en: 'Total' }, expression: sumOfWeights(LINK_IDS), requires: LINK_IDS }],
    bands: [
      {
        score: 'total', code: 'not-cg', min: 0, max: 25, label: { zh: '未达复杂性哀伤阈值', en: 'Below complicated-grief threshold' },
        action: { zh: '常规随访。', en: 'Routine follow-up.' },
      },
      {
        score: 'total', code: 'cg', min: 26, max: 76, label: { zh: '可能为复杂性哀伤（>25）', en: 'Complicated grief likely (>25)' },
        action: { zh: '若距离世已满 6 个月：自动转介心理治疗师。', en: 'If >=6 months since death: automatic referral to psychologist.' },
      },
    ],
    overrides: bereavementReferral(ABOVE_25, { zh: 'ICG>25', en: 'ICG >25' }, { zh: '复评', en: 'reassess' }),
  },
};
