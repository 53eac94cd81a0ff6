import type { OverrideDef, SuggestedTask } from '../scoring/types.js';
import { MONTHS_SINCE_DEATH } from './build.js';

export const BEREAVEMENT_CONTACT: SuggestedTask = { role: 'social_worker', priority: 'routine', dueHours: 168 };

/**
 * The bereavement auto-referral rule of ../shared/clinical/scales.md §7.7: above the instrument's
 * threshold at ≥ 6 months since the death → psychologist referral; earlier → supportive outreach
 * and a repeat at 6 months (no diagnostic label before then).
 */
export function bereavementReferral(aboveThreshold: string, label: { zh: string; en: string }, repeat: { zh: string; en: string }): OverrideDef[] {
  return [
    {
      id: 'psychologist-referral',
      when: `${aboveThreshold} and (${MONTHS_SINCE_DEATH} >= 6)`,
      label: { zh: `${label.zh} 且距离世≥6 个月`, en: `${label.en} at >=6 months since death` },
      action: { zh: '自动转介心理治疗师。', en: 'Automatic referral to psychologist.' },
      task: { role: 'psychologist', priority: 'routine', dueHours: 168 },
    },
    {
      id: 'supportive-outreach',
      when: `${aboveThreshold} and (${MONTHS_SINCE_DEATH} < 6)`,
      label: { zh: `${label.zh} 但距离世未满 6 个月`, en: `${label.en} at <6 months since death` },
      action: { zh: `提供支持性外展关怀（此时不作诊断性判断）；满 6 个月时${repeat.zh}。`, en: `Supportive outreach (no diagnostic label before 6 months); ${repeat.en} at 6 months.` },
      task: BEREAVEMENT_CONTACT,
    },
  ];
}
