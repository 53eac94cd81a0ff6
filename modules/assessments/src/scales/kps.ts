import type { ScaleDefinition } from '../scoring/types.js';
import { loinc, ordinalChoice, SCALE_URL_BASE } from './build.js';

/**
 * KPS 卡氏功能状态评分. Source: Karnofsky & Burchenal 1949; levels, bands (classic three groups, [P])
 * and actions as in ../shared/clinical/scales.md §2.2 and scales.json `kps`. LOINC 89243-0 [V]; the
 * answer list LL4986-7 is not reproduced (only LA29175-9 = KPS 100 is given by the source), so the
 * options carry local codes. Public domain ([P]). Input to PaP (KPS 10–20 scores 2.5, §2.4).
 */
const LEVELS: [number, string, string][] = [
  [100, '正常，无不适主诉，无疾病证据', 'Normal; no complaints; no evidence of disease'],
  [90, '能进行正常活动，有轻微症状或体征', 'Able to carry on normal activity; minor signs or symptoms'],
  [80, '经努力可进行正常活动，有一些症状或体征', 'Normal activity with effort; some signs or symptoms'],
  [70, '生活能自理，但不能维持正常活动或从事积极工作', 'Cares for self; unable to carry on normal activity or do active work'],
  [60, '偶尔需要帮助，大部分个人需求能自理', 'Requires occasional assistance; able to care for most personal needs'],
  [50, '需要相当多的帮助，并经常需要医疗照护', 'Requires considerable assistance and frequent medical care'],
  [40, '失能，需要特殊照护和帮助', 'Disabled; requires special care and assistance'],
  [30, '严重失能，有住院指征，但死亡尚不迫近', 'Severely disabled; hospital admission indicated although death not imminent'],
  [20, '病重，需要住院及积极的支持治疗', 'Very sick; hospital admission and active supportive treatment necessary'],
  [10, '濒死，致死性病程快速进展', 'Moribund; fatal processes progressing rapidly'],
  [0, '死亡', 'Dead'],
];

export const KPS: ScaleDefinition = {
  id: 'kps',
  source: 'Karnofsky & Burchenal 1949; ../shared/clinical/scales.md §2.2',
  licence: { text: '公有领域 (public domain)', permissionRequired: false },
  verification: 'V (codes); P (band grouping)',
  questionnaire: {
    resourceType: 'Questionnaire',
    url: `${SCALE_URL_BASE}kps`,
    version: '1.0.0',
    name: 'KPS',
    title: '卡氏功能状态评分（KPS）',
    status: 'active',
    subjectType: ['Patient'],
    code: [loinc('89243-0')],
    description: '由医护人员评定的一般功能状态（0–100 分，每档 10 分）。',
    item: [
      ordinalChoice('kps', { zh: '请选择最符合患者目前状况的描述', en: 'Select the description that best fits the patient now' },
        LEVELS.map(([points, zh, en]) => ({ code: `kps-${points}`, label: { zh: `${points} 分：${zh}`, en: `${points}: ${en}` }, points })), loinc('89243-0')),
    ],
  },
  scoring: {
    scores: [{ id: 'score', label: { zh: 'KPS 评分', en: 'KPS score' }, expression: `QuestionnaireResponse.repeat(item).where(linkId = 'kps').answer.value.weight().first()`, requires: ['kps'] }],
    bands: [
      { score: 'score', code: 'normal-activity', min: 80, max: 100, label: { zh: '能正常活动，无需特殊照护', en: 'Able to carry on normal activity; no special care' }, action: { zh: '常规处理。', en: 'Routine.' } },
      {
        score: 'score', code: 'unable-to-work', min: 50, max: 70, label: { zh: '不能工作，可居家，大部分自理', en: 'Unable to work; lives at home, cares for most needs' },
        action: { zh: '评估支持需求。', en: 'Review support needs.' }, task: { role: 'nurse', priority: 'routine', dueHours: 72 },
      },
      {
        score: 'score', code: 'unable-self-care', min: 0, max: 40, label: { zh: '不能自理', en: 'Unable to care for self' },
        action: { zh: '评估照护需求；为照护者提供支持；KPS 10–20 分在 PaP 中计 2.5 分。', en: 'Care-needs review; caregiver support; KPS 10-20 scores 2.5 in PaP.' },
        task: { role: 'nurse', priority: 'routine', dueHours: 72 },
      },
    ],
  },
};
