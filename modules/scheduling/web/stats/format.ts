/** 0.1234 → "12.3%"; null → "—" */
export function pct(v: number | null | undefined, digits = 1): string {
  return v === null || v === undefined ? '—' : `${(v * 100).toFixed(digits)}%`;
}

/** 2026-05-21 → 05-21 */
export const shortDay = (d: string) => d.slice(5);

export function monthRange(offset = 0, now = new Date()): { from: string; to: string } {
  const local = new Date(now.toLocaleString('en-US', { timeZone: 'Asia/Shanghai' }));
  const first = new Date(Date.UTC(local.getFullYear(), local.getMonth() + offset, 1));
  const last = new Date(Date.UTC(local.getFullYear(), local.getMonth() + offset + 1, 0));
  const today = local.toLocaleDateString('sv-SE');
  const to = last.toISOString().slice(0, 10);
  return { from: first.toISOString().slice(0, 10), to: offset === 0 && to > today ? today : to };
}

export function lastDays(n: number, now = new Date()): { from: string; to: string } {
  const day = (t: number) => new Date(t).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  return { from: day(now.getTime() - (n - 1) * 86_400_000), to: day(now.getTime()) };
}
