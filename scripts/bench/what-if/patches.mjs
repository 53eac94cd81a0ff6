/**
 * The two query changes the benchmark proposes (see docs/benchmarks.md), as text replacements
 * on the product's own source. Used by the benchmark's "proposed fix" server only — a loader
 * hook applies them in that one process; nothing on disk changes. Once the product carries the
 * changes, `pending()` finds nothing to replace and the benchmark skips the what-if run.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

export const PATCHES = [
  {
    id: 'row-case',
    file: 'modules/patients/src/services/row.ts',
    title: 'PATIENT_COLUMNS: CASE WHEN p.merged_into IS NULL THEN p.id ELSE p.merged_into END instead of coalesce(p.merged_into, p.id)',
    find: 'coalesce(p.merged_into, p.id)',
    replace: 'CASE WHEN p.merged_into IS NULL THEN p.id ELSE p.merged_into END',
    all: true,
  },
  {
    id: 'search-id-type',
    file: 'modules/patients/src/services/read.ts',
    title: "patientWhere: also constrain p.id_type, so the (id_type, id_number_index) index is searched, not scanned",
    find: '`p.id_number_index = ANY(${add(idx)})`',
    replace: "`p.id_type = ANY(${add(query.idType ? [query.idType] : ['resident_id', 'passport', 'other'])}) AND p.id_number_index = ANY(${add(idx)})`",
    all: false,
  },
];

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Patches whose text is still in the product's source. */
export function pending() {
  return PATCHES.filter((p) => fs.readFileSync(root + p.file, 'utf8').includes(p.find));
}

/** Applies the patches to one module's (transpiled) source; throws if one that should apply cannot. */
export function apply(url, source) {
  let out = source;
  for (const p of PATCHES) {
    if (!url.endsWith('/' + p.file)) continue;
    if (!out.includes(p.find)) {
      if (fs.readFileSync(root + p.file, 'utf8').includes(p.find)) throw new Error(`bench what-if: cannot apply ${p.id} to ${url}`);
      continue;
    }
    out = p.all ? out.replaceAll(p.find, p.replace) : out.replace(p.find, p.replace);
  }
  return out;
}
