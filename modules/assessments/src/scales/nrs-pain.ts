import type { ScaleDefinition } from '../scoring/types.js';
import { integerItem, loinc, SCALE_URL_BASE } from './build.js';

/**
 * NRS 数字评分法疼痛评估 (0–10). Bands and actions as in ../shared/clinical/scales.md §3.1 and
 * scales.json `nrs-pain` ([V] bands; drug-class wording [P], per 癌症疼痛诊疗规范（2018年版）). Public domain.
 */
export const NRS_PAIN: ScaleDefinition = {
  id: 'nrs-pain',
  source: '癌症疼痛诊疗规范（2018年版）; ../shared/clinical/scales.md §3.1',
  licence: { text: '公有领域 (public domain)', permissionRequired: false },
  verification: 'V (bands); P (drug-class wording); U (assessment timing)',
  questionnaire: {
    resourceType: 'Questionnaire',
    url: `${SCALE_URL_BASE}nrs-pain`,
    version: '1.0.0',
    name: 'NRSPain',
    title: '数字评分法（NRS）疼痛评估',
    status: 'active',
    subjectType: ['Patient'],
    code: [loinc('72514-3')],
    description: '0 为无痛，10 为能想象的最剧烈疼痛；评估当前疼痛。',
    item: [integerItem('score', { zh: '请用 0–10 的数字表示您现在的疼痛程度', en: 'Rate your pain now from 0 to 10' }, 0, 10, loinc('72514-3'))],
  },
  scoring: {
    scores: [{ id: 'score', label: { zh: '疼痛评分', en: 'Pain score' }, expression: `QuestionnaireResponse.item.where(linkId = 'score').answer.value.first()`, requires: ['score'] }],
    bands: [
      { score: 'score', code: 'none', min: 0, max: 0, label: { zh: '无痛', en: 'No pain' }, action: { zh: '无需处理。', en: 'No action.' } },
      { score: 'score', code: 'mild', min: 1, max: 3, label: { zh: '轻度疼痛', en: 'Mild pain' }, action: { zh: '非阿片类药物（NSAID/对乙酰氨基酚）±非药物措施；下次常规接触时复评。', en: 'Non-opioid (NSAID/paracetamol) +/- non-drug measures per plan; reassess at next routine contact.' } },
      { score: 'score', code: 'moderate', min: 4, max: 6, label: { zh: '中度疼痛', en: 'Moderate pain' }, action: { zh: '24 小时内医生评估；弱阿片类或低剂量强阿片类±NSAID±辅助药物；每次调整后复评。', en: 'Clinician review within 24 h; weak opioid or low-dose strong opioid +/- NSAID +/- adjuvant; reassess after each change.' }, task: { role: 'doctor', priority: 'urgent', dueHours: 24 } },
      { score: 'score', code: 'severe', min: 7, max: 10, label: { zh: '重度疼痛', en: 'Severe pain' }, action: { zh: '当日/立即医生评估；强阿片类滴定±NSAID±辅助药物；考虑安宁疗护/疼痛团队会诊；排查肿瘤急症。', en: 'Same-day/immediate clinician review; strong opioid titration +/- NSAID +/- adjuvant; consider palliative/pain team; screen for oncological emergency.' }, task: { role: 'doctor', priority: 'stat', dueHours: 4 } },
    ],
  },
};
