import type { ScaleDefinition } from '../scoring/types.js';
import { ordinalChoice, SCALE_URL_BASE, sumOfWeights } from './build.js';

/**
 * PaP 姑息预后评分. Source: Pirovano et al., JPSM 1999; validated Maltoni et al. 1999; items, points,
 * groups and actions as in ../shared/clinical/scales.md §2.4 and scales.json `pap` ([V]). Sum 0–17.5
 * in steps of 0.5. WBC and lymphocyte % come from the latest lab Observation (≤7 days, configurable);
 * without them the score cannot be completed. Lymphocytes >40 % carry no points in the published
 * table: scored 0 and flagged ([P]). WBC <4.8 ×10⁹/L is not covered by the published table (no
 * option is offered; see report). D-PaP (with delirium) is not specified. Published algorithm.
 */
const YES_NO = (points: number) => [
  { code: 'no', label: { zh: '无', en: 'No' }, points: 0 },
  { code: 'yes', label: { zh: '有', en: 'Yes' }, points },
];
const LINK_IDS = ['dyspnoea', 'anorexia', 'kps', 'clinical-prediction-weeks', 'wbc', 'lymphocyte-pct'];

export const PAP: ScaleDefinition = {
  id: 'pap',
  source: 'Pirovano et al., JPSM 1999; Maltoni et al. 1999; ../shared/clinical/scales.md §2.4',
  licence: { text: '已发表的算法（Pirovano et al., JPSM 1999；Maltoni et al. 1999）(published algorithm)', permissionRequired: false },
  verification: 'V',
  questionnaire: {
    resourceType: 'Questionnaire',
    url: `${SCALE_URL_BASE}pap`,
    version: '1.0.0',
    name: 'PaP',
    title: '姑息预后评分（PaP）',
    status: 'active',
    subjectType: ['Patient'],
    description: '终末期（以癌症为主）患者 30 天生存概率评估；总分 0–17.5 分。',
    item: [
      ordinalChoice('dyspnoea', { zh: '呼吸困难', en: 'Dyspnoea' }, YES_NO(1)),
      ordinalChoice('anorexia', { zh: '厌食', en: 'Anorexia' }, YES_NO(1.5)),
      ordinalChoice('kps', { zh: '卡氏功能状态评分（KPS）', en: 'Karnofsky Performance Status (KPS)' }, [
        { code: 'kps-30-plus', label: { zh: '≥30 分', en: '>=30' }, points: 0 },
        { code: 'kps-10-20', label: { zh: '10–20 分', en: '10-20' }, points: 2.5 },
      ]),
      ordinalChoice('clinical-prediction-weeks', { zh: '临床预测生存期（周）', en: 'Clinical prediction of survival (weeks)' }, [
        { code: 'gt-12', label: { zh: '>12 周', en: '>12' }, points: 0 },
        { code: '11-12', label: { zh: '11–12 周', en: '11-12' }, points: 2 },
        { code: '9-10', label: { zh: '9–10 周', en: '9-10' }, points: 2.5 },
        { code: '7-8', label: { zh: '7–8 周', en: '7-8' }, points: 2.5 },
        { code: '5-6', label: { zh: '5–6 周', en: '5-6' }, points: 4.5 },
        { code: '3-4', label: { zh: '3–4 周', en: '3-4' }, points: 6 },
        { code: '1-2', label: { zh: '1–2 周', en: '1-2' }, points: 8.5 },
      ]),
      ordinalChoice('wbc', { zh: '白细胞总数（×10⁹/L）', en: 'Total WBC (×10⁹/L)' }, [
        { code: 'normal', label: { zh: '正常：4.8–8.5', en: 'Normal 4.8-8.5' }, points: 0 },
        { code: 'high', label: { zh: '升高：8.6–11.0', en: 'High 8.6-11.0' }, points: 0.5 },
        { code: 'very-high', label: { zh: '明显升高：>11.0', en: 'Very high >11.0' }, points: 1.5 },
      ]),
      ordinalChoice('lymphocyte-pct', { zh: '淋巴细胞百分比（%）', en: 'Lymphocytes (%)' }, [
        { code: 'normal', label: { zh: '正常：20–40', en: 'Normal 20-40' }, points: 0 },
        { code: 'low', label: { zh: '降低：12–19.9', en: 'Low 12-19.9' }, points: 1 },
        { code: 'very-low', label: { zh: '明显降低：0–11.9', en: 'Very low 0-11.9' }, points: 2.5 },
        { code: 'above-40', label: { zh: '>40（原表未赋分，按 0 分计）', en: '>40 (no points in the published table; scored 0)' }, points: 0 },
      ]),
    ],
  },
  scoring: {
    scores: [{ id: 'score', label: { zh: 'PaP 总分', en: 'PaP score' }, expression: sumOfWeights(LINK_IDS), requires: LINK_IDS }],
    bands: [
      { score: 'score', code: 'a', min: 0, max: 5.5, label: { zh: 'A组：30天生存概率>70%', en: 'Group A: 30-day survival >70%' }, action: { zh: '常规复评；适时开展预立医疗照护计划（ACP）。', en: 'Routine review; ACP as appropriate.' } },
      {
        score: 'score', code: 'b', min: 6, max: 11, label: { zh: 'B组：30天生存概率30%-70%', en: 'Group B: 30-day survival 30-70%' },
        action: { zh: '预立医疗照护计划/照护目标评估；召开家庭会议。', en: 'ACP / goals-of-care review; family meeting.' },
        task: { role: 'doctor', priority: 'urgent', dueHours: 72 },
      },
      {
        score: 'score', code: 'c', min: 11.5, max: 17.5, label: { zh: 'C组：30天生存概率<30%', en: 'Group C: 30-day survival <30%' },
        action: { zh: '启动临终照护方案（同 PPI >6 分）。', en: 'End-of-life bundle (as PPI >6).' },
        task: { role: 'doctor', priority: 'urgent', dueHours: 24 },
      },
    ],
    overrides: [{
      id: 'lymphocytes-above-40',
      when: `QuestionnaireResponse.repeat(item).where(linkId = 'lymphocyte-pct').answer.value.code.first() = 'above-40'`,
      label: { zh: '淋巴细胞 >40%：原表未赋分', en: 'Lymphocytes >40%: not scored in the published table' },
      action: { zh: '按 0 分计，并作标记提示。', en: 'Treated as 0 and flagged.' },
    }],
  },
};
