import type { ScaleDefinition } from '../scoring/types.js';
import { loinc, ordinalChoice, SCALE_URL_BASE, sumOfWeights } from './build.js';

/**
 * Morse 跌倒风险评估量表. Source: Morse, Morse & Tylko, Can J Aging 1989; items and weights as in
 * ../shared/clinical/scales.md §6.3 and scales.json `morse` ([V] items, LOINC). The default bands
 * (0–24 / 25–44 / ≥45) are institution-tunable ([P]); Morse's original bands (0–24 / 25–50 / ≥51)
 * are the scales.json alternative and are not implemented here. Licence terms for commercial
 * software unconfirmed ([U]). Per the source, a patient who falls is re-scored with history = 25.
 */
type Level = [string, number, string, string];
const ITEMS: { key: string; zh: string; en: string; code?: string; levels: Level[] }[] = [
  { key: 'history', code: '59454-9', zh: '跌倒史（本次住院期间或近 3 个月内）', en: 'History of falling (this admission or within 3 months)', levels: [
    ['no', 0, '无', 'No'], ['yes', 25, '有', 'Yes'],
  ] },
  { key: 'secondary_dx', zh: '超过一个医学诊断', en: 'Secondary diagnosis (more than one medical diagnosis)', levels: [
    ['no', 0, '无', 'No'], ['yes', 15, '有', 'Yes'],
  ] },
  { key: 'aid', zh: '使用行走辅助工具', en: 'Ambulatory aid', levels: [
    ['none', 0, '不需要／卧床休息／由护士协助', 'None, bed rest, or nurse assist'],
    ['crutches-cane-walker', 15, '拐杖、手杖或助行器', 'Crutches, cane or walker'],
    ['furniture', 30, '扶靠家具行走', 'Clutches furniture'],
  ] },
  { key: 'iv', zh: '静脉输液／留置肝素（生理盐水）封管', en: 'IV therapy or heparin (saline) lock', levels: [
    ['no', 0, '无', 'No'], ['yes', 20, '有', 'Yes'],
  ] },
  { key: 'gait', zh: '步态', en: 'Gait', levels: [
    ['normal', 0, '正常／卧床休息／使用轮椅', 'Normal, bed rest, or wheelchair'],
    ['weak', 10, '虚弱', 'Weak'],
    ['impaired', 20, '受损', 'Impaired'],
  ] },
  { key: 'mental', zh: '精神状态', en: 'Mental status', levels: [
    ['oriented', 0, '能正确评估自身活动能力', 'Oriented to own ability'],
    ['forgets-limitations', 15, '高估自身能力或忘记自身限制', 'Overestimates or forgets limitations'],
  ] },
];

/** the linkId of each item by its scales.json test-vector key */
export const MORSE_LINK_IDS: Record<string, string> = Object.fromEntries(ITEMS.map((i) => [i.key, `morse-${i.key.replace('_', '-')}`]));
const LINK_IDS = ITEMS.map((i) => MORSE_LINK_IDS[i.key]);

export const MORSE: ScaleDefinition = {
  id: 'morse',
  source: 'Morse, Morse & Tylko, Can J Aging 1989; ../shared/clinical/scales.md §6.3',
  licence: { text: '已公开发表（Morse et al. 1989）；商业软件使用条款待确认 (published; confirm terms for commercial software)', permissionRequired: false },
  verification: 'V (items, LOINC); P (bands institution-tunable); U (licence)',
  questionnaire: {
    resourceType: 'Questionnaire',
    url: `${SCALE_URL_BASE}morse`,
    version: '1.0.0',
    name: 'MorseFallScale',
    title: 'Morse跌倒风险评估量表',
    status: 'active',
    subjectType: ['Patient'],
    code: [loinc('59460-6')],
    description: '6 个条目，总分 0–125 分，分数越高跌倒风险越高；任何跌倒后立即复评（跌倒史计 25 分）。',
    item: ITEMS.map((it) => ordinalChoice(
      MORSE_LINK_IDS[it.key],
      { zh: it.zh, en: it.en },
      it.levels.map(([code, points, zh, en]) => ({ code, label: { zh: `${zh}（${points}分）`, en: `${en} (${points})` }, points })),
      it.code ? loinc(it.code) : undefined,
    )),
  },
  scoring: {
    scores: [{ id: 'total', label: { zh: '总分', en: 'Total' }, expression: sumOfWeights(LINK_IDS), requires: LINK_IDS }],
    bands: [
      { score: 'total', code: 'low', min: 0, max: 24, label: { zh: '低风险', en: 'Low / no risk' },
        action: { zh: '采取常规防护措施。', en: 'Standard precautions.' } },
      { score: 'total', code: 'moderate', min: 25, max: 44, label: { zh: '中风险', en: 'Moderate risk' },
        action: { zh: '实施标准防跌倒措施；对照护者进行宣教。', en: 'Standard fall-prevention bundle; caregiver education.' },
        task: { role: 'nurse', priority: 'routine', dueHours: 24 } },
      { score: 'total', code: 'high', min: 45, max: 125, label: { zh: '高风险', en: 'High risk' },
        action: { zh: '实施高风险防跌倒措施（定时如厕、低床位/离床报警、专人看护、药物评估）；居家环境安全检查。', en: 'High-risk bundle (toileting schedule, low bed/alarm, supervision, medication review); home-safety check.' },
        task: { role: 'nurse', priority: 'urgent', dueHours: 24 } },
    ],
  },
};
