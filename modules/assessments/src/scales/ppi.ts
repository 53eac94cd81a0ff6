import type { ScaleDefinition } from '../scoring/types.js';
import { ordinalChoice, SCALE_URL_BASE, sumOfWeights } from './build.js';

/**
 * PPI 姑息预后指数. Source: Morita et al., Support Care Cancer 1999; items, points, cut-offs and
 * actions as in ../shared/clinical/scales.md §2.3 and scales.json `ppi` ([V] points and cut-offs).
 * Sum 0–15 in steps of 0.5. Definitions still to confirm against the original paper ([U]): patients
 * on artificial nutrition/hydration are reportedly scored "normal" intake; delirium caused solely by
 * a single (reversible) medication is reportedly excluded. The PPS item takes the latest PPSv2
 * rating (§2.1). Show the result as a probability statement, never as a date. Published algorithm.
 */
const PRESENT_ABSENT = (points: number) => [
  { code: 'absent', label: { zh: '无', en: 'Absent' }, points: 0 },
  { code: 'present', label: { zh: '有', en: 'Present' }, points },
];
const LINK_IDS = ['pps', 'oral-intake', 'oedema', 'dyspnoea-at-rest', 'delirium'];

export const PPI: ScaleDefinition = {
  id: 'ppi',
  source: 'Morita et al., Support Care Cancer 1999; ../shared/clinical/scales.md §2.3',
  licence: { text: '已发表的算法（Morita et al., Support Care Cancer 1999）(published algorithm)', permissionRequired: false },
  verification: 'V (points, cut-offs); U (artificial-nutrition and drug-induced-delirium scoring notes)',
  questionnaire: {
    resourceType: 'Questionnaire',
    url: `${SCALE_URL_BASE}ppi`,
    version: '1.0.0',
    name: 'PPI',
    title: '姑息预后指数（PPI）',
    status: 'active',
    subjectType: ['Patient'],
    description: '终末期癌症患者床旁生存期预测，无需化验；总分 0–15 分。',
    item: [
      ordinalChoice('pps', { zh: '姑息功能量表（PPS）水平', en: 'Palliative Performance Scale (PPS) level' }, [
        { code: 'pps-10-20', label: { zh: '10%–20%', en: '10-20%' }, points: 4 },
        { code: 'pps-30-50', label: { zh: '30%–50%', en: '30-50%' }, points: 2.5 },
        { code: 'pps-60-plus', label: { zh: '≥60%', en: '>=60%' }, points: 0 },
      ]),
      ordinalChoice('oral-intake', { zh: '经口进食量', en: 'Oral intake' }, [
        { code: 'severe', label: { zh: '严重减少（仅几口或更少）', en: 'Severely reduced (mouthfuls or less)' }, points: 2.5 },
        { code: 'moderate', label: { zh: '中度减少（减少，但多于几口）', en: 'Moderately reduced (reduced but more than mouthfuls)' }, points: 1 },
        { code: 'normal', label: { zh: '正常', en: 'Normal' }, points: 0 },
      ]),
      ordinalChoice('oedema', { zh: '水肿', en: 'Oedema' }, PRESENT_ABSENT(1)),
      ordinalChoice('dyspnoea-at-rest', { zh: '静息时呼吸困难', en: 'Dyspnoea at rest' }, PRESENT_ABSENT(3.5)),
      ordinalChoice('delirium', { zh: '谵妄', en: 'Delirium' }, PRESENT_ABSENT(4)),
    ],
  },
  scoring: {
    scores: [{ id: 'score', label: { zh: 'PPI 总分', en: 'PPI score' }, expression: sumOfWeights(LINK_IDS), requires: LINK_IDS }],
    bands: [
      { score: 'score', code: 'group-a', min: 0, max: 2, label: { zh: 'A组', en: 'Group A (median survival ~90 d in original cohort)' }, action: { zh: '常规安宁疗护复评。', en: 'Routine palliative review.' } },
      {
        score: 'score', code: 'group-b', min: 2.5, max: 4, label: { zh: 'B组', en: 'Group B (median ~61 d)' },
        action: { zh: '开展预立医疗照护计划（ACP）谈话。', en: 'Advance care planning conversation.' },
        task: { role: 'doctor', priority: 'routine', dueHours: 72 },
      },
      {
        score: 'score', code: 'gt4', min: 4.5, max: 6, label: { zh: '>4分：预计生存期<6周', en: '>4: survival <6 weeks predicted' },
        action: { zh: '讨论照护目标/召开家庭会议；确认希望的照护地点和离世地点；为照护者提供支持；访视至少每周一次。', en: 'Goals-of-care / family meeting; preferred place of care and death; caregiver support; visits >= weekly.' },
        task: { role: 'doctor', priority: 'urgent', dueHours: 72 },
      },
      {
        score: 'score', code: 'gt6', min: 6.5, max: 15, label: { zh: '>6分：预计生存期<3周', en: '>6: survival <3 weeks predicted' },
        action: { zh: '启动临终照护方案；预期性处方；讨论复苏（抢救）意愿；进行丧亲风险筛查；通知团队负责人。', en: 'End-of-life bundle; anticipatory prescribing; resuscitation status; bereavement risk screen; notify team lead.' },
        task: { role: 'doctor', priority: 'urgent', dueHours: 24 },
      },
    ],
  },
};
