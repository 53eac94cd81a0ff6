import type { QuestionnaireItem } from '@medplum/fhirtypes';
import type { ScaleDefinition, Text } from '../scoring/types.js';
import { integerItem, SCALE_URL_BASE } from './build.js';

/**
 * NCCN 心理痛苦温度计（DT）及问题列表. Thermometer 0–10 over the past week including today, the
 * cut-off ≥4 ([V]) and the 7–10 tier (a local escalation option, [P]) as in
 * ../shared/clinical/scales.md §4.1 and scales.json `nccn-dt`. The problem list follows the current
 * grouping (physical, emotional, social, practical, spiritual/religious; Donovan et al., JNCCN 2022)
 * with the typical items scales.md names, paraphrased: [P] — the exact items must be taken from
 * the current licensed NCCN version. No codes identified. Licence: © NCCN; embedding in software
 * needs NCCN's permission, hence `draft`.
 *
 * "Referral by problem-list domain" (§4.1 moderate/severe, §11 "DT ≥4 → problem-list-based
 * referral(s)") is expressed as overrides that fire when DT ≥4 and a problem of that domain is
 * ticked: emotional → psychologist/psychiatry, social or practical → social worker, spiritual →
 * spiritual care (the platform has no chaplain role, so that one raises no task).
 */
const TRANSLATION = 'http://hl7.org/fhir/StructureDefinition/translation';

function yesNo(linkId: string, text: Text): QuestionnaireItem {
  return {
    linkId, type: 'boolean', required: false, text: text.zh,
    _text: { extension: [{ url: TRANSLATION, extension: [{ url: 'lang', valueCode: 'en' }, { url: 'content', valueString: text.en }] }] },
  } as QuestionnaireItem;
}

type Domain = 'physical' | 'emotional' | 'social' | 'practical' | 'spiritual';

const DOMAINS: { id: Domain; label: Text; problems: [string, string, string][] }[] = [
  {
    id: 'physical', label: { zh: '躯体方面', en: 'Physical concerns' },
    problems: [
      ['pain', '疼痛', 'Pain'],
      ['fatigue', '疲乏', 'Fatigue'],
      ['sleep', '睡眠', 'Sleep'],
      ['breathing', '呼吸', 'Breathing'],
      ['eating', '进食', 'Eating'],
      ['memory', '记忆力或注意力', 'Memory or concentration'],
    ],
  },
  {
    id: 'emotional', label: { zh: '情绪方面', en: 'Emotional concerns' },
    problems: [
      ['worry', '担忧', 'Worry'],
      ['fear', '恐惧', 'Fear'],
      ['sadness', '悲伤', 'Sadness'],
      ['loss-of-interest', '对平常的事情失去兴趣', 'Loss of interest in usual activities'],
      ['grief', '哀伤或丧失', 'Grief or loss'],
    ],
  },
  {
    id: 'social', label: { zh: '社会关系方面', en: 'Social concerns' },
    problems: [
      ['partner', '与配偶或伴侣的关系', 'Relationship with spouse or partner'],
      ['children', '与子女的关系', 'Relationship with children'],
      ['family', '与其他家人的关系', 'Relationship with other family members'],
    ],
  },
  {
    id: 'practical', label: { zh: '实际问题', en: 'Practical concerns' },
    problems: [
      ['finances', '经济', 'Finances'],
      ['insurance', '医疗保险', 'Insurance'],
      ['housing', '住房', 'Housing'],
      ['transport', '交通', 'Transport'],
      ['care', '照顾子女或老人', 'Child or elder care'],
      ['work-school', '工作或学习', 'Work or school'],
      ['treatment-decisions', '治疗决策', 'Treatment decisions'],
    ],
  },
  {
    id: 'spiritual', label: { zh: '精神或宗教方面', en: 'Spiritual or religious concerns' },
    problems: [
      ['meaning', '人生意义感', 'Sense of meaning'],
      ['faith', '信仰', 'Faith'],
    ],
  },
];

const problemId = (domain: Domain, problem: string) => `dt-${domain}-${problem}`;
const ticked = (domains: Domain[]) => {
  const ids = DOMAINS.filter((d) => domains.includes(d.id)).flatMap((d) => d.problems.map(([p]) => problemId(d.id, p)));
  return `QuestionnaireResponse.repeat(item).where(${ids.map((l) => `linkId = '${l}'`).join(' or ')}).answer.where(value = true).exists()`;
};
const DT = `QuestionnaireResponse.item.where(linkId = 'dt').answer.value.first()`;
const referral = (domains: Domain[]) => `(${DT} >= 4) and ${ticked(domains)}`;

export const NCCN_DT: ScaleDefinition = {
  id: 'nccn-dt',
  source: 'NCCN Clinical Practice Guidelines in Oncology: Distress Management; Donovan et al., JNCCN 2022; ../shared/clinical/scales.md §4.1',
  licence: {
    text: '© NCCN；可用于临床实践，修改或商业复制须获 NCCN 许可，嵌入软件须申请许可 (© NCCN; clinical use allowed; modification/commercial reproduction needs NCCN permission.)',
    permissionRequired: true,
  },
  verification: 'V (cut-off 4); P (problem-list categories; 7-10 tier is local)',
  questionnaire: {
    resourceType: 'Questionnaire',
    url: `${SCALE_URL_BASE}nccn-dt`,
    version: '1.0.0',
    name: 'NCCNDistressThermometer',
    title: 'NCCN 心理痛苦温度计及问题列表',
    status: 'draft',
    subjectType: ['Patient'],
    description: '肿瘤患者心理痛苦筛查；回顾过去一周（包括今天）。首次就诊、病情变化时及定期复筛。',
    item: [
      integerItem('dt', {
        zh: '过去一周（包括今天），您感到的心理痛苦有多严重？0 表示没有痛苦，10 表示极度痛苦。',
        en: 'Over the past week, including today, how much distress have you felt? 0 means none, 10 means extreme distress.',
      }, 0, 10),
      {
        linkId: 'dt-problems', type: 'group', text: '问题列表：过去一周（包括今天），以下哪些方面曾让您困扰？请勾选“是”。',
        item: [
          ...DOMAINS.map((d): QuestionnaireItem => ({
            linkId: `dt-${d.id}`, type: 'group', text: d.label.zh,
            item: d.problems.map(([p, zh, en]) => yesNo(problemId(d.id, p), { zh, en })),
          })),
          { linkId: 'dt-other', type: 'string', required: false, text: '其他问题（请注明）' },
        ],
      },
    ],
  },
  scoring: {
    scores: [{ id: 'dt', label: { zh: '心理痛苦评分', en: 'Distress score' }, expression: DT, requires: ['dt'] }],
    bands: [
      {
        score: 'dt', code: 'mild', min: 0, max: 3, label: { zh: '轻度痛苦', en: 'Mild distress' },
        action: { zh: '由主管团队提供常规支持性照护；在下一个诊疗节点复筛。', en: 'Usual supportive care by primary team; re-screen at next milestone.' },
      },
      {
        score: 'dt', code: 'moderate', min: 4, max: 6, label: { zh: '中度痛苦', en: 'Moderate distress (>=4 clinically significant)' },
        action: { zh: '临床评估；按问题列表所涉领域转介（心理/精神科、社会工作、灵性关怀）。', en: 'Clinical evaluation; referral by problem-list domain (psychology/psychiatry, social work, spiritual care).' },
        task: { role: 'doctor', priority: 'routine', dueHours: 72 },
      },
      {
        score: 'dt', code: 'severe', min: 7, max: 10, label: { zh: '重度痛苦', en: 'Severe distress' },
        action: { zh: '同中度处理，并尽快联系心理/精神卫生专业人员（本周内或更早）；加做 PHQ-9、GAD-7 及自杀风险筛查。', en: 'As moderate plus prompt mental-health contact; PHQ-9/GAD-7 and suicide screen.' },
        task: { role: 'psychologist', priority: 'urgent', dueHours: 72 },
      },
    ],
    overrides: [
      {
        id: 'referral-emotional', when: referral(['emotional']),
        label: { zh: '心理痛苦≥4 且有情绪方面问题', en: 'Distress ≥4 with emotional concerns' },
        action: { zh: '转介心理/精神科。', en: 'Refer to psychology/psychiatry.' },
        task: { role: 'psychologist', priority: 'routine', dueHours: 72 },
      },
      {
        id: 'referral-social-practical', when: referral(['social', 'practical']),
        label: { zh: '心理痛苦≥4 且有社会关系或实际问题', en: 'Distress ≥4 with social or practical concerns' },
        action: { zh: '转介社会工作者。', en: 'Refer to social work.' },
        task: { role: 'social_worker', priority: 'routine', dueHours: 72 },
      },
      {
        id: 'referral-spiritual', when: referral(['spiritual']),
        label: { zh: '心理痛苦≥4 且有精神或宗教方面问题', en: 'Distress ≥4 with spiritual or religious concerns' },
        action: { zh: '转介灵性关怀（院牧/灵性关怀人员）。', en: 'Refer to spiritual care (chaplaincy).' },
      },
    ],
  },
};
