import type { HumanName } from '@medplum/fhirtypes';

// CJK Unified Ideographs and Extension A, where Chinese personal names are written
const CHINESE_NAME = /^[\u3400-\u4dbf\u4e00-\u9fff]{2,3}$/;

/**
 * A display name as a FHIR HumanName. For a two- or three-character Chinese name the first
 * character is the family name (王建国 → 王 + 建国). Longer names may have a two-character
 * family name (欧阳, 司马) that cannot be told apart reliably, and other names (titles such as
 * 系统管理员, Latin names) are not split at all: text alone is then the honest answer.
 */
export function humanName(display: string): HumanName {
  if (!CHINESE_NAME.test(display)) return { use: 'official', text: display };
  return { use: 'official', text: display, family: display[0], given: [display.slice(1)] };
}
