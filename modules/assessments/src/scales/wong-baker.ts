import type { BandDef, ScaleDefinition } from '../scoring/types.js';
import { loinc, ordinalChoice, SCALE_URL_BASE } from './build.js';
import { NRS_PAIN } from './nrs-pain.js';

/**
 * Wong-Baker FACES 面部表情疼痛评分. Six faces scored 0, 2, 4, 6, 8, 10 (no hurt … hurts worst) and
 * LOINC 38221-8 as in ../shared/clinical/scales.md §3.2 ([V]); the band mapping (0 none, 2 mild,
 * 4–6 moderate, 8–10 severe) is a local convention ([P]) and each band's action is "as NRS"
 * (scales.json `wong-baker`), so the actions and tasks are taken from the NRS bands (§3.1).
 * Licence ([P]): © 1983 Wong-Baker FACES Foundation; the drawings must not be altered and use in
 * an electronic product needs the Foundation's licence, hence `draft` until it is obtained. The
 * face drawings themselves are not embedded here: the form shows the licensed artwork.
 */
const FACES: [number, string, string][] = [
  [0, '不痛', 'No hurt'],
  [2, '有一点痛', 'Hurts a little'],
  [4, '稍微更痛一些', 'Hurts a little more'],
  [6, '更痛', 'Hurts even more'],
  [8, '很痛', 'Hurts a lot'],
  [10, '最痛', 'Hurts worst'],
];

const nrs = (code: string) => {
  const band = NRS_PAIN.scoring.bands.find((b) => b.code === code);
  if (!band) throw new Error(`nrs-pain has no band ${code}`);
  return band;
};

/** "As NRS <band>.": the NRS band's action and task, prefixed so the reader sees where it comes from */
function asNrs(code: string, zh: string, en: string, min: number, max: number): BandDef {
  const b = nrs(code);
  return {
    score: 'face', code, min, max, label: { zh, en },
    action: { zh: `按 NRS ${b.label.zh}处理：${b.action.zh}`, en: `As NRS ${b.label.en.toLowerCase()}: ${b.action.en}` },
    ...(b.task ? { task: b.task } : {}),
  };
}

export const WONG_BAKER: ScaleDefinition = {
  id: 'wong-baker',
  source: 'Wong DL, Baker CM. Pediatr Nurs 1988;14:9–17 (Wong-Baker FACES Foundation); ../shared/clinical/scales.md §3.2',
  licence: {
    text: '© 1983 Wong-Baker FACES Foundation；临床使用免费但须注明出处，不得修改图画，电子/商业产品须获基金会授权 (© 1983 Wong-Baker FACES Foundation; free clinical use with credit; no alteration; licence for electronic/commercial products.)',
    permissionRequired: true,
  },
  verification: 'V (values, LOINC); P (band mapping is local convention; licence terms)',
  questionnaire: {
    resourceType: 'Questionnaire',
    url: `${SCALE_URL_BASE}wong-baker`,
    version: '1.0.0',
    name: 'WongBakerFaces',
    title: 'Wong-Baker 面部表情疼痛评分',
    status: 'draft',
    subjectType: ['Patient'],
    code: [loinc('38221-8')],
    description: '适用于不能使用数字评分的患者（≥3 岁儿童、文化程度较低、轻度认知障碍）；重度痴呆或不能言语者请改用观察性工具（如 PAINAD）。',
    item: [
      ordinalChoice(
        'face',
        { zh: '请指出最能代表您现在疼痛程度的面孔', en: 'Point to the face that best shows how much you hurt now' },
        FACES.map(([points, zh, en]) => ({ code: `face-${points}`, label: { zh, en }, points })),
        loinc('38221-8'),
      ),
    ],
  },
  scoring: {
    scores: [{ id: 'face', label: { zh: '疼痛评分', en: 'Pain score' }, expression: `QuestionnaireResponse.item.where(linkId = 'face').answer.value.weight().first()`, requires: ['face'] }],
    bands: [
      { score: 'face', code: 'none', min: 0, max: 0, label: { zh: '无痛', en: 'No hurt' }, action: { zh: '无需处理。', en: 'No action.' } },
      asNrs('mild', '轻度', 'Mild', 2, 2),
      asNrs('moderate', '中度', 'Moderate', 4, 6),
      asNrs('severe', '重度', 'Severe', 8, 10),
    ],
  },
};
