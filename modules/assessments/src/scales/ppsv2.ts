import type { ScaleDefinition, Text } from '../scoring/types.js';
import { ordinalChoice, SCALE_URL_BASE } from './build.js';

/**
 * PPSv2 姑息功能量表第2版. Source: Victoria Hospice Society; Anderson et al., J Palliat Care 1996;
 * structure, levels, bands and actions as in ../shared/clinical/scales.md §2.1 and scales.json
 * `ppsv2` ([V] structure and licence; [P] band grouping is a teaching convention, not a validated
 * cut-off; [P] reproductions differ at 30 % intake and 50 % consciousness: use the licensed table).
 * Licence: © Victoria Hospice Society, permission request required (EMR use needs a separate
 * permission) — hence status 'draft'. The level texts below are a paraphrased summary, NOT the
 * official wording; display the licensed table once permission is obtained. No LOINC code.
 * Not expressible per response (needs the previous rating): "drop of ≥20 points between ratings, or
 * a drop to ≤50 % → goals-of-care review / family meeting". PPS feeds PPI (§2.3) in the app layer.
 */
const TRANSLATION = 'http://hl7.org/fhir/StructureDefinition/translation';
const texted = (t: Text) => ({ text: t.zh, _text: { extension: [{ url: TRANSLATION, extension: [{ url: 'lang', valueCode: 'en' }, { url: 'content', valueString: t.en }] }] } });

/** level: ambulation; activity & disease; self-care; intake; conscious level (paraphrased) */
const LEVELS: [number, string, string][] = [
  [100, '行走自如；可正常活动与工作，无疾病证据；完全自理；进食正常；神志清楚', 'Walks freely; usual activity and work, no evidence of disease; fully independent; eats normally; fully alert'],
  [90, '行走自如；可正常活动与工作，有部分疾病证据；完全自理；进食正常；神志清楚', 'Walks freely; usual activity and work, some evidence of disease; fully independent; eats normally; fully alert'],
  [80, '行走自如；须费力才能正常活动，有部分疾病证据；完全自理；进食正常或减少；神志清楚', 'Walks freely; usual activity only with effort, some evidence of disease; fully independent; eats normally or less; fully alert'],
  [70, '行走能力下降；无法胜任日常工作，疾病明显；完全自理；进食正常或减少；神志清楚', 'Walks less; cannot manage usual job, marked disease; fully independent; eats normally or less; fully alert'],
  [60, '行走能力下降；无法做家务或从事爱好，疾病明显；偶尔需要协助；进食正常或减少；神志清楚或有意识混乱', 'Walks less; cannot manage housework or hobbies, marked disease; help now and then; eats normally or less; alert or confused'],
  [50, '以坐或卧为主；无法从事任何工作，疾病广泛；需要较多协助；进食正常或减少；神志清楚或有意识混乱', 'Mostly sitting or lying; cannot do any work, widespread disease; much help needed; eats normally or less; alert or confused'],
  [40, '大部分时间卧床；多数活动无法进行，疾病广泛；主要依靠他人协助；进食正常或减少；神志清楚或嗜睡，可伴意识混乱', 'Mostly in bed; unable to do most activities, widespread disease; mostly helped by others; eats normally or less; alert or drowsy, possibly confused'],
  [30, '完全卧床；无法进行任何活动，疾病广泛；完全依赖他人照护；进食正常或减少；神志清楚或嗜睡，可伴意识混乱', 'Fully bed-bound; unable to do any activity, widespread disease; fully cared for; eats normally or less; alert or drowsy, possibly confused'],
  [20, '完全卧床；同上；完全依赖他人照护；仅能少量啜饮；神志清楚或嗜睡，可伴意识混乱', 'Fully bed-bound; as above; fully cared for; sips at most; alert or drowsy, possibly confused'],
  [10, '完全卧床；同上；完全依赖他人照护；仅做口腔护理；嗜睡或昏迷，可伴意识混乱', 'Fully bed-bound; as above; fully cared for; mouth care only; drowsy or comatose, possibly confused'],
  [0, '死亡', 'Death'],
];

export const PPSV2: ScaleDefinition = {
  id: 'ppsv2',
  source: 'Victoria Hospice Society, Palliative Performance Scale v2; Anderson et al., J Palliat Care 1996; ../shared/clinical/scales.md §2.1',
  licence: {
    text: '© Victoria Hospice Society；须提交许可申请（非营利临床使用免费）；用于电子病历、网站或营利用途须另行申请许可；不得修改 (permission request required; EMR/website/for-profit use needs separate permission; do not alter)',
    permissionRequired: true,
  },
  verification: 'V (structure, licence); P (band grouping is teaching convention, not validated cut-off)',
  questionnaire: {
    resourceType: 'Questionnaire',
    url: `${SCALE_URL_BASE}ppsv2`,
    version: '1.0.0',
    name: 'PPSv2',
    title: '姑息功能量表第2版（PPSv2）',
    status: 'draft',
    subjectType: ['Patient'],
    description: '由熟悉患者的医护人员评定的功能状态（0–100%，每档 10%）；以下为意译摘要，正式使用须采用经授权的官方量表。',
    item: [
      {
        linkId: 'intro', type: 'display',
        ...texted({
          zh: '从左到右依次考虑：活动能力 → 活动与疾病证据 → 自理能力 → 进食 → 意识水平。先在“活动能力”一列确定大致水平，再横向寻找最匹配的一行，左侧各列优先。各列不单独计分，也不取平均。',
          en: 'Read the columns left to right: ambulation → activity & evidence of disease → self-care → intake → conscious level. Start down the ambulation column, then find the best horizontal fit; leftward columns take precedence. Columns are not scored separately or averaged.',
        }),
      },
      ordinalChoice('level', { zh: '请选择最符合患者目前状况的 PPS 水平', en: 'Select the PPS level that best fits the patient now' },
        LEVELS.map(([points, zh, en]) => ({ code: `pps-${points}`, label: { zh: `${points}%：${zh}`, en: `${points}%: ${en}` }, points }))),
    ],
  },
  scoring: {
    scores: [{ id: 'level', label: { zh: 'PPS 水平（%）', en: 'PPS level (%)' }, expression: `QuestionnaireResponse.repeat(item).where(linkId = 'level').answer.value.weight().first()`, requires: ['level'] }],
    bands: [
      { score: 'level', code: 'stable', min: 70, max: 100, label: { zh: '稳定期', en: 'Stable' }, action: { zh: '常规复评。', en: 'Routine review.' } },
      {
        score: 'level', code: 'transitional', min: 40, max: 60, label: { zh: '过渡期', en: 'Transitional' },
        action: { zh: '评估照护目标；为照护者提供支持；如功能下降，增加访视频次。', en: 'Goals-of-care review; caregiver support; increase visit frequency if declining.' },
        task: { role: 'doctor', priority: 'routine', dueHours: 72 },
      },
      {
        score: 'level', code: 'end-of-life', min: 10, max: 30, label: { zh: '临终期', en: 'End of life' },
        action: { zh: '启动临终照护方案；准备预期（按需）用药；减少监测强度；对家属进行丧亲风险筛查。', en: 'End-of-life care bundle; anticipatory medications; de-intensify monitoring; bereavement risk screen for family.' },
        task: { role: 'doctor', priority: 'urgent', dueHours: 24 },
      },
      {
        score: 'level', code: 'death', min: 0, max: 0, label: { zh: '死亡', en: 'Death' },
        action: { zh: '记录死亡；启动丧亲随访。', en: 'Record death; start bereavement follow-up.' },
        task: { role: 'social_worker', priority: 'routine', dueHours: 72 },
      },
    ],
  },
};
