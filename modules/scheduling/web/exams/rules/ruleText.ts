import type { examMessages } from '../messages';
import type { ExamItem, ExamRule, Selector } from '../types';

type M = (typeof examMessages)['zh-CN'];

/** one side of a rule for people: the item's name, the modality or the class of exams */
export function sideText(s: Selector | null, items: ReadonlyMap<number, ExamItem>, m: M): string {
  if (!s) return '';
  if (s.itemId) return items.get(s.itemId)?.name ?? `#${s.itemId}`;
  if (s.modality) return m.modality[s.modality];
  if (s.flag) return m.flag[s.flag];
  return '';
}

/** the rule's parameters in a few words (gap, same day, time range) */
export function ruleParams(r: ExamRule, m: M): string {
  const parts: string[] = [];
  if (r.kind === 'order' && r.sameDay) parts.push(m.sameDay);
  if ((r.kind === 'order' || r.kind === 'min_interval') && r.minGapMinutes > 0) {
    parts.push(`${m.gap} ${r.minGapMinutes % 60 === 0 ? m.gapHours(r.minGapMinutes / 60) : m.minutes(r.minGapMinutes)}`);
  }
  if (r.kind === 'priority' && r.patientClass) parts.push(`${r.timeFrom}–${r.timeTo} ${m.patientClass[r.patientClass]}`);
  return parts.join('，');
}
