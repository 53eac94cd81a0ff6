import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Modality } from '../constants.js';
import type { DayLimits, PlanItem, PlanRule, Placement } from './constraints.js';
import { planExams, combinationsByLast, type PlanInput, type PlanSession } from './planner.js';
import { atMinutes, earliestStart, localClock, localDay, quotaAllows, MINUTE, type Interval } from './time-grid.js';

// ---- a small hospital: one device per modality, sessions 08:00–12:00 and 13:30–17:30 ----------
const D1 = '2030-03-04';
const D2 = '2030-03-05';
const D3 = '2030-03-06';
const NOW = Date.parse('2030-03-01T00:00:00+08:00');
const DEPT: Record<Modality, number> = { US: 11, DR: 12, CT: 12, MRI: 12, ECG: 13, ENDO: 14 };
const RESOURCE: Record<Modality, number> = { US: 101, DR: 102, CT: 103, MRI: 104, ECG: 105, ENDO: 106 };

function item(id: number, name: string, modality: Modality, durationMinutes: number, flags: Partial<PlanItem> = {}): PlanItem {
  return { id, name, modality, departmentId: null, durationMinutes, fasting: false, contrast: false, morningOnly: false, ...flags };
}
const US_ABD = item(1, '腹部彩超', 'US', 20, { fasting: true });
const GASTRO = item(2, '胃镜', 'ENDO', 30, { fasting: true, morningOnly: true });
const COLON = item(3, '肠镜', 'ENDO', 40);
const BARIUM = item(4, '上消化道钡餐造影', 'DR', 30);
const CT_ABD = item(5, '上腹部 CT 增强', 'CT', 20, { contrast: true, fasting: true });
const MRI_C = item(6, '头颅 MRI 增强', 'MRI', 30, { contrast: true });
const ECG = item(7, '常规十二导联心电图', 'ECG', 10);

let nextSession = 1;
function sessions(modality: Modality, days: string[], capacity = 40): PlanSession[] {
  return days.flatMap((d) => ([['08:00', '12:00'], ['13:30', '17:30']] as const).map(([from, to]) => ({
    id: nextSession++, resourceId: RESOURCE[modality], departmentId: DEPT[modality], modality, serviceDate: d,
    startsAt: at(d, from), endsAt: at(d, to), capacity, quotas: {}, used: {},
  })));
}
const at = (d: string, hhmm: string) => atMinutes(d, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)));
const clock = (ms: number) => `${localDay(ms)} ${localClock(ms)}`;

function rule(id: number, r: Partial<PlanRule> & Pick<PlanRule, 'kind' | 'a' | 'description'>): PlanRule {
  return { id, b: null, sameDay: false, minGapMinutes: 0, patientClass: null, timeFrom: null, timeTo: null, ...r };
}
const US_BEFORE_GASTRO = rule(1, { kind: 'order', a: { itemId: 1 }, b: { itemId: 2 }, sameDay: true, description: '腹部超声须在胃镜之前' });
const BARIUM_CT_APART = rule(2, { kind: 'different_day', a: { itemId: 4 }, b: { modality: 'CT' }, description: '钡餐造影与 CT 须不同日' });
const CONTRAST_24H = rule(3, { kind: 'min_interval', a: { flag: 'contrast' }, b: { flag: 'contrast' }, minGapMinutes: 24 * 60, description: '两次增强检查间隔至少 24 小时' });
const GASTRO_COLON_ONE_VISIT = rule(4, { kind: 'same_visit', a: { itemId: 2 }, b: { itemId: 3 }, description: '胃镜与肠镜可同次检查' });

function input(over: Partial<PlanInput> & Pick<PlanInput, 'items'>): PlanInput {
  const all = [US_ABD, GASTRO, COLON, BARIUM, CT_ABD, MRI_C, ECG];
  return {
    knownItems: all, rules: [], existing: [], limits: new Map(), resourceBusy: new Map(), patientClass: 'outpatient', channel: 'window', now: NOW,
    sessions: (['US', 'DR', 'CT', 'MRI', 'ECG', 'ENDO'] as Modality[]).flatMap((m) => sessions(m, [D1, D2, D3])),
    ...over,
  };
}
const visitOf = (r: ReturnType<typeof planExams>, id: number) => r.visits.find((v) => v.itemIds.includes(id))!;

describe('time grid', () => {
  test('earliest start skips taken time and stays on the 5-minute grid', () => {
    const w: Interval = { start: at(D1, '08:00'), end: at(D1, '09:00') };
    const busy = [{ start: at(D1, '08:00'), end: at(D1, '08:12') }, { start: at(D1, '08:30'), end: at(D1, '08:40') }];
    assert.equal(clock(earliestStart(w, busy, 15 * MINUTE)!), `${D1} 8:15`);
    assert.equal(clock(earliestStart(w, busy, 20 * MINUTE)!), `${D1} 8:40`);
    assert.equal(earliestStart(w, busy, 25 * MINUTE), null);
  });

  test('channel quotas: own quota first, then the shared rest', () => {
    assert.equal(quotaAllows(4, { wechat: 2 }, { wechat: 2 }, 'wechat'), true, 'shared rest left');
    assert.equal(quotaAllows(4, { wechat: 2 }, { wechat: 2, window: 2 }, 'wechat'), false, 'shared rest used by the desk');
    assert.equal(quotaAllows(4, { wechat: 2 }, { window: 2 }, 'window'), false, 'the desk cannot take the WeChat quota');
    assert.equal(quotaAllows(4, { wechat: 2 }, { window: 2 }, 'wechat'), true);
  });

  test('day sets come by size, then by their last day', () => {
    assert.deepEqual([...combinationsByLast(['a', 'b', 'c'], 2)], [['a', 'b'], ['a', 'c'], ['b', 'c']]);
  });
});

describe('exam planner', () => {
  test('order rule: abdominal ultrasound before gastroscopy the same day, and the earlier gastroscopy is reported as blocked', () => {
    // the ultrasound room is taken until 10:00 on day 1; the endoscopy room is free from 08:00
    const busy = new Map([[RESOURCE.US, [{ start: at(D1, '08:00'), end: at(D1, '10:00') }]]]);
    const r = planExams(input({ items: [GASTRO, US_ABD], rules: [US_BEFORE_GASTRO], resourceBusy: busy }));
    assert.deepEqual(r.unplaced, []);
    const us = visitOf(r, US_ABD.id);
    const gastro = visitOf(r, GASTRO.id);
    assert.equal(clock(us.start), `${D1} 10:00`);
    assert.ok(gastro.start >= us.end, 'gastroscopy after the ultrasound');
    assert.equal(localDay(gastro.start), D1, 'one day');
    assert.ok(gastro.end <= at(D1, '12:00'), 'gastroscopy in the morning');
    const blocked = r.blocked.find((b) => b.itemIds.includes(GASTRO.id) && b.reason.kind === 'rule' && b.reason.ruleId === 1);
    assert.ok(blocked, JSON.stringify(r.blocked));
    assert.equal(clock(blocked.start), `${D1} 8:00`);
  });

  test('different-day rule puts barium and the CT on two days, and says why the CT could not be on day one', () => {
    const r = planExams(input({ items: [BARIUM, CT_ABD], rules: [BARIUM_CT_APART] }));
    assert.equal(r.days.length, 2);
    assert.notEqual(localDay(visitOf(r, BARIUM.id).start), localDay(visitOf(r, CT_ABD.id).start));
    assert.deepEqual(r.days, [D1, D2], 'the earliest two days');
    const reasons = r.blocked.filter((b) => b.reason.kind === 'rule' && b.reason.ruleId === 2);
    assert.ok(reasons.length >= 1, JSON.stringify(r.blocked));
    assert.equal(localDay(reasons[0].start), D1);
  });

  test('without rules everything fits on one day, and the patient never has two exams at once', () => {
    const r = planExams(input({ items: [BARIUM, CT_ABD, ECG, US_ABD] }));
    assert.deepEqual(r.days, [D1]);
    assert.equal(r.optimal, true);
    const sorted = [...r.visits].sort((x, y) => x.start - y.start);
    for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i].start >= sorted[i - 1].end + 10 * MINUTE, 'ten minutes to walk between rooms');
  });

  test('min-interval rule keeps two contrast exams 24 hours apart', () => {
    const r = planExams(input({ items: [CT_ABD, MRI_C], rules: [CONTRAST_24H] }));
    const [first, second] = [...r.visits].sort((x, y) => x.start - y.start);
    assert.ok(second.start - first.end >= 24 * 60 * MINUTE, `${clock(first.end)} → ${clock(second.start)}`);
    assert.deepEqual(r.days, [D1, D2]);
    assert.ok(r.blocked.some((b) => b.reason.kind === 'rule' && b.reason.ruleId === 3));
  });

  test('morning-only: a fasting gastroscopy moves to the next morning rather than the afternoon', () => {
    const busy = new Map([[RESOURCE.ENDO, [{ start: at(D1, '08:00'), end: at(D1, '12:00') }]]]);
    const r = planExams(input({ items: [GASTRO], resourceBusy: busy }));
    assert.equal(clock(visitOf(r, GASTRO.id).start), `${D2} 8:00`);
    const blocked = r.blocked.find((b) => b.reason.kind === 'rule' && b.reason.ruleKind === 'morning_only');
    assert.ok(blocked, JSON.stringify(r.blocked));
    assert.equal(clock(blocked.start), `${D1} 13:30`);
    assert.match(blocked.reason.kind === 'rule' ? blocked.reason.description : '', /胃镜须在上午完成/);
  });

  test('a morning-only rule from the library applies to a class of items (all fasting exams)', () => {
    const fastingMornings = rule(9, { kind: 'morning_only', a: { flag: 'fasting' }, description: '空腹检查安排在上午' });
    const busy = new Map([[RESOURCE.CT, [{ start: at(D1, '08:00'), end: at(D1, '12:00') }]]]);
    const r = planExams(input({ items: [CT_ABD], rules: [fastingMornings], resourceBusy: busy }));
    assert.equal(clock(visitOf(r, CT_ABD.id).start), `${D2} 8:00`);
  });

  test('same-visit items share one appointment whose duration is the sum', () => {
    const r = planExams(input({ items: [COLON, GASTRO], rules: [GASTRO_COLON_ONE_VISIT] }));
    assert.equal(r.visits.length, 1);
    const v = r.visits[0];
    assert.deepEqual([...v.itemIds].sort(), [GASTRO.id, COLON.id].sort());
    assert.equal(v.end - v.start, 70 * MINUTE);
    const apart = planExams(input({ items: [COLON, GASTRO] }));
    assert.equal(apart.visits.length, 2, 'without the rule two appointments');
  });

  test('same-visit is not used when another rule keeps the items apart', () => {
    const apart = rule(5, { kind: 'different_day', a: { itemId: 2 }, b: { itemId: 3 }, description: '胃镜与肠镜分日' });
    const r = planExams(input({ items: [COLON, GASTRO], rules: [GASTRO_COLON_ONE_VISIT, apart] }));
    assert.equal(r.visits.length, 2);
    assert.equal(r.days.length, 2);
  });

  test('rules hold against exams the patient already has: a booked ultrasound at 10:00 pushes the gastroscopy after it', () => {
    const existing: Placement[] = [{ itemIds: [US_ABD.id], kind: 'exam', start: at(D1, '10:00'), end: at(D1, '10:20'), day: D1, departmentId: DEPT.US, resourceId: RESOURCE.US }];
    const r = planExams(input({ items: [GASTRO], rules: [US_BEFORE_GASTRO], existing }));
    const g = visitOf(r, GASTRO.id);
    assert.equal(clock(g.start), `${D1} 10:30`);
    assert.ok(r.blocked.some((b) => b.reason.kind === 'rule' && b.reason.ruleId === 1 && clock(b.start) === `${D1} 8:00`));
  });

  test('priority rule keeps early CT times for inpatients', () => {
    const inpatientsFirst = rule(6, { kind: 'priority', a: { modality: 'CT' }, patientClass: 'inpatient', timeFrom: '08:00', timeTo: '10:00', description: 'CT 上午 8:00–10:00 优先住院患者' });
    const CT_HEAD = item(8, '头颅 CT 平扫', 'CT', 10);
    const out = planExams(input({ items: [CT_HEAD], rules: [inpatientsFirst] }));
    assert.equal(clock(visitOf(out, 8).start), `${D1} 10:00`);
    assert.ok(out.blocked.some((b) => b.reason.kind === 'rule' && b.reason.ruleId === 6));
    const inp = planExams(input({ items: [CT_HEAD], rules: [inpatientsFirst], patientClass: 'inpatient' }));
    assert.equal(clock(visitOf(inp, 8).start), `${D1} 8:00`);
  });

  test('per-patient day limits spread the exams over days', () => {
    const limits = new Map<number, DayLimits>(Object.values(DEPT).map((d) => [d, { maxPerDay: 1, maxPerDepartment: 1, maxPerResource: 1 }]));
    const r = planExams(input({ items: [ECG, US_ABD], limits }));
    assert.equal(r.days.length, 2);
    assert.ok(r.blocked.some((b) => b.reason.kind === 'limit' && b.reason.code === 'limit_day'));
  });

  test('full sessions and other channels\' quotas are skipped', () => {
    const own = sessions('ECG', [D1, D2], 1);
    own[0].used = { kiosk: 1 }; // day 1 morning is full
    own[1].quotas = { kiosk: 1 }; // day 1 afternoon: its only exam belongs to the kiosks
    const r = planExams(input({ items: [ECG], sessions: own }));
    assert.equal(visitOf(r, ECG.id).sessionId, own[2].id);
  });

  test('an item no time satisfies is reported with the rule that blocks it', () => {
    const never = rule(7, { kind: 'priority', a: { modality: 'MRI' }, patientClass: 'inpatient', timeFrom: '00:00', timeTo: '23:59', description: 'MRI 仅住院患者' });
    const r = planExams(input({ items: [ECG, MRI_C], rules: [never] }));
    assert.equal(r.visits.length, 1, 'the ECG is still planned');
    assert.deepEqual(r.unplaced.map((u) => u.itemIds), [[MRI_C.id]]);
    assert.deepEqual(r.unplaced[0].reasons.map((x) => (x.kind === 'rule' ? x.ruleId : x.kind)), [7]);
    const none = planExams(input({ items: [MRI_C], sessions: sessions('ECG', [D1]) }));
    assert.deepEqual(none.unplaced[0].reasons, [{ kind: 'no_capacity' }]);
  });

  test('a realistic order set: fewest days, every rule satisfied', () => {
    const rules = [US_BEFORE_GASTRO, BARIUM_CT_APART, CONTRAST_24H, GASTRO_COLON_ONE_VISIT,
      rule(8, { kind: 'order', a: { itemId: 1 }, b: { itemId: 4 }, description: '腹部超声须在钡餐之前' })];
    const r = planExams(input({ items: [GASTRO, COLON, US_ABD, BARIUM, CT_ABD, MRI_C, ECG], rules }));
    assert.deepEqual(r.unplaced, []);
    assert.equal(r.days.length, 2);
    const v = (id: number) => visitOf(r, id);
    assert.equal(v(GASTRO.id), v(COLON.id), 'gastroscopy and colonoscopy in one visit');
    assert.ok(localDay(v(US_ABD.id).start) !== localDay(v(GASTRO.id).start) || v(US_ABD.id).end <= v(GASTRO.id).start);
    assert.ok(v(US_ABD.id).end <= v(BARIUM.id).start);
    assert.notEqual(localDay(v(BARIUM.id).start), localDay(v(CT_ABD.id).start));
    const contrast = [v(CT_ABD.id), v(MRI_C.id)].sort((x, y) => x.start - y.start);
    assert.ok(contrast[1].start - contrast[0].end >= 24 * 60 * MINUTE);
    assert.ok(v(GASTRO.id).end <= at(localDay(v(GASTRO.id).start), '12:00'));
  });
});
