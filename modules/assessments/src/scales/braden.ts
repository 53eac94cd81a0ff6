import type { ScaleDefinition } from '../scoring/types.js';
import { loinc, ordinalChoice, SCALE_URL_BASE, sumOfWeights } from './build.js';

/**
 * Braden 压力性损伤风险评估量表. Source: Bergstrom & Braden 1987/1988; subscales, ranges and bands as
 * in ../shared/clinical/scales.md §6.2 and scales.json `braden` ([V]). © Barbara Braden & Nancy
 * Bergstrom; a licence is required (bradenscale.com), so this definition is a draft until permission
 * is obtained, and the level descriptions are short paraphrases, not the official descriptors.
 * Lower scores mean higher risk.
 */
type Level = [number, string, string];
const SUBSCALES: { key: string; zh: string; en: string; levels: Level[] }[] = [
  { key: 'sensory', zh: '感知觉：对压迫引起的不适能否感知并表达', en: 'Sensory perception: ability to feel and report pressure-related discomfort', levels: [
    [1, '完全受限', 'Completely limited'], [2, '严重受限', 'Very limited'], [3, '轻度受限', 'Slightly limited'], [4, '未受损', 'No impairment'],
  ] },
  { key: 'moisture', zh: '潮湿：皮肤受潮湿（汗液、尿液等）影响的程度', en: 'Moisture: how much the skin is exposed to moisture', levels: [
    [1, '持续潮湿', 'Constantly moist'], [2, '经常潮湿', 'Often moist'], [3, '偶尔潮湿', 'Occasionally moist'], [4, '很少潮湿', 'Rarely moist'],
  ] },
  { key: 'activity', zh: '活动能力：身体活动的程度', en: 'Activity: degree of physical activity', levels: [
    [1, '卧床不起', 'Bedfast'], [2, '局限于椅', 'Chairfast'], [3, '偶尔步行', 'Walks occasionally'], [4, '经常步行', 'Walks frequently'],
  ] },
  { key: 'mobility', zh: '移动能力：改变和控制体位的能力', en: 'Mobility: ability to change and control body position', levels: [
    [1, '完全不能移动', 'Completely immobile'], [2, '严重受限', 'Very limited'], [3, '轻度受限', 'Slightly limited'], [4, '不受限', 'No limitation'],
  ] },
  { key: 'nutrition', zh: '营养：日常进食情况', en: 'Nutrition: usual food intake', levels: [
    [1, '非常差', 'Very poor'], [2, '可能不足', 'Probably inadequate'], [3, '充足', 'Adequate'], [4, '丰富', 'Excellent'],
  ] },
  { key: 'friction_shear', zh: '摩擦力和剪切力：移动或卧位时皮肤受摩擦与滑移的情况', en: 'Friction and shear: rubbing and sliding of the skin when moving or lying', levels: [
    [1, '存在问题', 'Problem'], [2, '存在潜在问题', 'Potential problem'], [3, '无明显问题', 'No apparent problem'],
  ] },
];

/** the linkId of each subscale by its scales.json test-vector key */
export const BRADEN_LINK_IDS: Record<string, string> = Object.fromEntries(SUBSCALES.map((s) => [s.key, `braden-${s.key.replace('_', '-')}`]));
const LINK_IDS = SUBSCALES.map((s) => BRADEN_LINK_IDS[s.key]);

export const BRADEN: ScaleDefinition = {
  id: 'braden',
  source: 'Bergstrom, Braden et al. 1987; ../shared/clinical/scales.md §6.2',
  licence: { text: '© Barbara Braden & Nancy Bergstrom 1988；Braden Scale II (2022) 需获得授权 (licence required, bradenscale.com)', permissionRequired: true },
  verification: 'V',
  questionnaire: {
    resourceType: 'Questionnaire',
    url: `${SCALE_URL_BASE}braden`,
    version: '1.0.0',
    name: 'BradenScale',
    title: 'Braden压力性损伤风险评估量表',
    status: 'draft',
    subjectType: ['Patient'],
    code: [loinc('38227-5')],
    description: '6 个分量表，总分 6–23 分，分数越低压力性损伤风险越高。（条目描述为释义，正式使用须获授权。）',
    item: SUBSCALES.map((s) => ordinalChoice(
      BRADEN_LINK_IDS[s.key],
      { zh: s.zh, en: s.en },
      s.levels.map(([points, zh, en]) => ({ code: String(points), label: { zh: `${zh}（${points}分）`, en: `${en} (${points})` }, points })),
    )),
  },
  scoring: {
    scores: [{ id: 'total', label: { zh: '总分', en: 'Total' }, expression: sumOfWeights(LINK_IDS), requires: LINK_IDS }],
    bands: [
      { score: 'total', code: 'very-high', min: 6, max: 9, label: { zh: '极高风险', en: 'Very high (severe) risk' },
        action: { zh: '使用高规格减压支撑面；在可耐受范围内每 2 小时翻身一次；每日检查皮肤；请伤口护士参与。', en: 'High-specification surface, 2-hourly repositioning as tolerated, daily skin inspection, wound-nurse input.' },
        task: { role: 'nurse', priority: 'urgent', dueHours: 24 } },
      { score: 'total', code: 'high', min: 10, max: 12, label: { zh: '高度风险', en: 'High risk' },
        action: { zh: '同极高风险措施；并进行营养评估。', en: 'As very high; nutrition review.' },
        task: { role: 'nurse', priority: 'urgent', dueHours: 24 } },
      { score: 'total', code: 'moderate', min: 13, max: 14, label: { zh: '中度风险', en: 'Moderate risk' },
        action: { zh: '实施预防措施：制定翻身计划、使用压力再分布支撑面、做好皮肤潮湿护理、足跟减压。', en: 'Prevention bundle: repositioning schedule, pressure-redistributing surface, moisture care, heel off-loading.' },
        task: { role: 'nurse', priority: 'routine', dueHours: 24 } },
      { score: 'total', code: 'mild', min: 15, max: 18, label: { zh: '轻度风险', en: 'Mild risk' },
        action: { zh: '实施基础预防措施。', en: 'Prevention bundle (basic).' },
        task: { role: 'nurse', priority: 'routine', dueHours: 72 } },
      { score: 'total', code: 'no-risk', min: 19, max: 23, label: { zh: '无风险', en: 'No risk' },
        action: { zh: '病情变化时或定期复评。', en: 'Reassess on change/periodically.' } },
    ],
  },
};
