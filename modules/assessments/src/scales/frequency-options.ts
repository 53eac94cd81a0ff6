import type { OrdinalOption } from './build.js';

/**
 * The four frequency options PHQ-9 and GAD-7 share, 0–3 (Kroenke & Spitzer; ../shared/clinical/
 * scales.md §4.2–4.3, [V]).
 */
export const FREQUENCY_OPTIONS: OrdinalOption[] = [
  { code: 'not-at-all', label: { zh: '完全不会', en: 'Not at all' }, points: 0 },
  { code: 'several-days', label: { zh: '好几天', en: 'Several days' }, points: 1 },
  { code: 'more-than-half', label: { zh: '一半以上的天数', en: 'More than half the days' }, points: 2 },
  { code: 'nearly-every-day', label: { zh: '几乎每天', en: 'Nearly every day' }, points: 3 },
];
