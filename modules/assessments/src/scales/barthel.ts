import type { ScaleDefinition } from '../scoring/types.js';
import { loinc, ordinalChoice, SCALE_URL_BASE, sumOfWeights } from './build.js';

/**
 * Barthel 指数（日常生活活动能力评定）. Source: Mahoney & Barthel, Md State Med J 1965; item wording
 * and the China bands follow WS/T 431-2013《护理分级》, as in ../shared/clinical/scales.md §6.1 and
 * scales.json `barthel` ([V] items, bands, LOINC; [P] licence). The international alternative bands
 * (Shah et al. 1989, [P]) are not the default and are not implemented here. The "drop ≥10 points"
 * rule compares two assessments and is outside a single response's scoring.
 */
type Level = [number, string, string];
const ITEMS: { key: string; loinc: string; zh: string; en: string; levels: Level[] }[] = [
  { key: 'feeding', loinc: '83184-2', zh: '进食', en: 'Feeding', levels: [
    [10, '可独立进食', 'Independent'],
    [5, '需部分帮助', 'Needs some help'],
    [0, '需极大帮助或完全依赖他人，或留置胃管', 'Needs major help or fully dependent, or tube-fed'],
  ] },
  { key: 'bathing', loinc: '83181-8', zh: '洗澡', en: 'Bathing', levels: [
    [5, '准备好洗澡水后，可自己独立完成洗澡', 'Bathes independently once the bath is prepared'],
    [0, '洗澡过程中需他人帮助', 'Needs help while bathing'],
  ] },
  { key: 'grooming', loinc: '96767-9', zh: '修饰（洗脸、刷牙、梳头、刮脸等）', en: 'Grooming (face, teeth, hair, shaving)', levels: [
    [5, '可自己独立完成', 'Independent'],
    [0, '需他人帮助', 'Needs help'],
  ] },
  { key: 'dressing', loinc: '83182-6', zh: '穿衣（穿脱衣服、系扣子、拉拉链、穿脱鞋袜、系鞋带）', en: 'Dressing (clothes, buttons, zips, shoes, laces)', levels: [
    [10, '可独立完成', 'Independent'],
    [5, '需部分帮助', 'Needs some help'],
    [0, '需极大帮助或完全依赖他人', 'Needs major help or fully dependent'],
  ] },
  { key: 'bowels', loinc: '96759-6', zh: '控制大便', en: 'Bowels', levels: [
    [10, '可控制大便', 'Continent'],
    [5, '偶尔失控，或需要他人提示', 'Occasional accident, or needs prompting'],
    [0, '完全失控', 'Incontinent'],
  ] },
  { key: 'bladder', loinc: '96760-4', zh: '控制小便', en: 'Bladder', levels: [
    [10, '可控制小便', 'Continent'],
    [5, '偶尔失控，或需要他人提示', 'Occasional accident, or needs prompting'],
    [0, '完全失控，或留置导尿管', 'Incontinent, or catheterised'],
  ] },
  { key: 'toilet', loinc: '83183-4', zh: '如厕（擦净、整理衣裤、冲水）', en: 'Toilet use (wiping, clothing, flushing)', levels: [
    [10, '可独立完成', 'Independent'],
    [5, '需部分帮助', 'Needs some help'],
    [0, '需极大帮助或完全依赖他人', 'Needs major help or fully dependent'],
  ] },
  { key: 'transfers', loinc: '83185-9', zh: '床椅转移', en: 'Transfers (bed to chair and back)', levels: [
    [15, '可独立完成', 'Independent'],
    [10, '需部分帮助', 'Needs some help'],
    [5, '需极大帮助', 'Needs major help'],
    [0, '完全依赖他人', 'Fully dependent'],
  ] },
  { key: 'mobility', loinc: '83186-7', zh: '平地行走', en: 'Mobility on level surfaces', levels: [
    [15, '可独立在平地上行走 45 米', 'Walks 45 m (50 yd) on level ground independently'],
    [10, '需部分帮助', 'Needs some help'],
    [5, '需极大帮助', 'Needs major help'],
    [0, '完全依赖他人', 'Fully dependent'],
  ] },
  { key: 'stairs', loinc: '96758-8', zh: '上下楼梯', en: 'Stairs', levels: [
    [10, '可独立上下楼梯', 'Independent on stairs'],
    [5, '需部分帮助', 'Needs some help'],
    [0, '需极大帮助或完全依赖他人', 'Needs major help or fully dependent'],
  ] },
];

/** the linkId of each item by its scales.json key (feeding, bathing, …) */
export const BARTHEL_LINK_IDS: Record<string, string> = Object.fromEntries(ITEMS.map((i) => [i.key, `barthel-${i.key}`]));
const LINK_IDS = ITEMS.map((i) => BARTHEL_LINK_IDS[i.key]);

export const BARTHEL: ScaleDefinition = {
  id: 'barthel',
  source: 'Mahoney & Barthel, Md State Med J 1965; WS/T 431-2013《护理分级》; ../shared/clinical/scales.md §6.1',
  licence: { text: '非商业用途可免费使用，须引用 Mahoney & Barthel 1965 (free for non-commercial use with citation)', permissionRequired: false },
  verification: 'V (items, China WS/T 431-2013 bands, LOINC); P (licence)',
  questionnaire: {
    resourceType: 'Questionnaire',
    url: `${SCALE_URL_BASE}barthel`,
    version: '1.0.0',
    name: 'BarthelIndex',
    title: 'Barthel指数（日常生活活动能力评定）',
    status: 'active',
    subjectType: ['Patient'],
    code: [loinc('96761-2')],
    description: '评估 10 项日常生活活动的独立程度，总分 0–100 分，分数越低依赖程度越高。',
    item: ITEMS.map((it) => ordinalChoice(
      BARTHEL_LINK_IDS[it.key],
      { zh: it.zh, en: it.en },
      it.levels.map(([points, zh, en]) => ({ code: String(points), label: { zh: `${zh}（${points}分）`, en: `${en} (${points})` }, points })),
      loinc(it.loinc),
    )),
  },
  scoring: {
    scores: [{ id: 'total', label: { zh: '总分', en: 'Total' }, expression: sumOfWeights(LINK_IDS), requires: LINK_IDS }],
    bands: [
      { score: 'total', code: 'severe', min: 0, max: 40, label: { zh: '重度依赖', en: 'Severe dependence' },
        action: { zh: '全部需要他人照护（特级/一级护理）；给予照护者支持、配置辅助器具，并进行 Braden 和 Morse 筛查。', en: 'All needs help (特级/一级护理); caregiver support, equipment, Braden and Morse screening.' },
        task: { role: 'nurse', priority: 'routine', dueHours: 72 } },
      { score: 'total', code: 'moderate', min: 41, max: 60, label: { zh: '中度依赖', en: 'Moderate dependence' },
        action: { zh: '大部分需要他人照护（一级/二级护理）；复核照护方案。', en: 'Most needs help (一级/二级护理); care-package review.' },
        task: { role: 'nurse', priority: 'routine', dueHours: 72 } },
      { score: 'total', code: 'mild', min: 61, max: 99, label: { zh: '轻度依赖', en: 'Mild dependence' },
        action: { zh: '少部分需要他人照护（二级/三级护理）。', en: 'Some help needed (二级/三级护理).' } },
      { score: 'total', code: 'independent', min: 100, max: 100, label: { zh: '无需依赖', en: 'Independent' },
        action: { zh: '无需他人照护（三级护理）。', en: 'No help needed (三级护理).' } },
    ],
  },
};
