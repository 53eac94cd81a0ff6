/** The results as a plain-text table (terminal) and a Markdown table (docs/benchmarks.md). */

export interface Row {
  what: string;
  value: string;
  detail: string;
  target: string;
  /** true pass, false fail, null no target */
  pass: boolean | null;
}

const verdict = (r: Row) => (r.pass === null ? '' : r.pass ? 'PASS' : 'FAIL');

function width(s: string): number {
  // CJK characters take two columns in a terminal
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));

export function textTable(rows: Row[]): string {
  const head = ['measurement', 'figure', 'detail', 'target', 'result'];
  const cells = rows.map((r) => [r.what, r.value, r.detail, r.target, verdict(r)]);
  const widths = head.map((h, i) => Math.max(width(h), ...cells.map((c) => width(c[i]))));
  const line = (c: string[]) => c.map((x, i) => pad(x, widths[i])).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

export function markdownTable(rows: Row[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [
    '| measurement | figure | detail | target | result |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${esc(r.what)} | ${esc(r.value)} | ${esc(r.detail)} | ${esc(r.target)} | ${verdict(r) ? `**${verdict(r)}**` : ''} |`),
  ].join('\n');
}
