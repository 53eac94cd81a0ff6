import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTimeRange } from './time.js';

const iso = (d: Date) => d.toISOString();

describe('time values in filters', () => {
  test('a day is that day in China Standard Time', () => {
    const r = parseTimeRange('2026-01-05')!;
    assert.equal(iso(r.start), '2026-01-04T16:00:00.000Z');
    assert.equal(iso(r.end), '2026-01-05T16:00:00.000Z');
  });

  test('months and years span their whole length', () => {
    assert.equal(iso(parseTimeRange('2024-02')!.end), '2024-02-29T16:00:00.000Z');
    assert.equal(iso(parseTimeRange('2025')!.start), '2024-12-31T16:00:00.000Z');
    assert.equal(iso(parseTimeRange('2025-12')!.end), '2025-12-31T16:00:00.000Z');
  });

  test('an instant covers its own precision; without a zone it is China Standard Time', () => {
    const ms = parseTimeRange('2026-01-05T15:59:59.999Z')!;
    assert.equal(ms.end.getTime() - ms.start.getTime(), 1);
    const minute = parseTimeRange('2026-01-05T08:30')!;
    assert.equal(iso(minute.start), '2026-01-05T00:30:00.000Z');
    assert.equal(minute.end.getTime() - minute.start.getTime(), 60_000);
    assert.equal(iso(parseTimeRange('2026-01-05T08:30:00+0800')!.start), '2026-01-05T00:30:00.000Z');
  });

  test('nonsense is refused', () => {
    for (const bad of ['2026-13-01', '2026-02-30', 'yesterday', '2026-01-05T25:00', '']) assert.equal(parseTimeRange(bad), null, bad);
  });
});
