import { withTransaction, type Kernel } from '@kangyun/kernel';
import { DEMO_QUOTAS, DEMO_RESOURCES, localDate } from '../demo.js';

interface DemoDay { day: string; kind: 'holiday' | 'workday'; worksAs?: number; name: string }

const range = (from: string, to: string, name: string): DemoDay[] => {
  const out: DemoDay[] = [];
  for (let d = new Date(`${from}T12:00:00Z`); d.toISOString().slice(0, 10) <= to; d.setUTCDate(d.getUTCDate() + 1)) {
    out.push({ day: d.toISOString().slice(0, 10), kind: 'holiday', name });
  }
  return out;
};

/**
 * 2026: 国务院办公厅关于2026年部分节假日安排的通知 (State Council General Office, 4 Nov 2025,
 * published by Xinhua). The notice names the make-up working days (上班) but not whose timetable
 * they follow; here each works as the weekday of the working day it makes up for (e.g. Sun 4 Jan
 * for Fri 2 Jan), which a hospital may change in the holiday editor.
 */
export const HOLIDAYS_2026: DemoDay[] = [
  ...range('2026-01-01', '2026-01-03', '元旦'),
  { day: '2026-01-04', kind: 'workday', worksAs: 5, name: '元旦调休上班' },
  { day: '2026-02-14', kind: 'workday', worksAs: 5, name: '春节调休上班' },
  ...range('2026-02-15', '2026-02-23', '春节'),
  { day: '2026-02-28', kind: 'workday', worksAs: 1, name: '春节调休上班' },
  ...range('2026-04-04', '2026-04-06', '清明节'),
  ...range('2026-05-01', '2026-05-05', '劳动节'),
  { day: '2026-05-09', kind: 'workday', worksAs: 2, name: '劳动节调休上班' },
  ...range('2026-06-19', '2026-06-21', '端午节'),
  { day: '2026-09-20', kind: 'workday', worksAs: 2, name: '国庆节调休上班' },
  ...range('2026-09-25', '2026-09-27', '中秋节'),
  ...range('2026-10-01', '2026-10-07', '国庆节'),
  { day: '2026-10-10', kind: 'workday', worksAs: 3, name: '国庆节调休上班' },
];

/**
 * 2027: the State Council's notice for 2027 was not available when this was written, so only the
 * fixed-date statutory holidays of 《全国年节及纪念日放假办法》 (元旦 1 Jan, 劳动节 1–2 May, 国庆节
 * 1–3 Oct) are listed, clearly marked; import the notice's full list (with 调休) when it is published.
 */
export const HOLIDAYS_2027: DemoDay[] = [
  { day: '2027-01-01', kind: 'holiday', name: '元旦（法定，调休待国务院通知）' },
  ...range('2027-05-01', '2027-05-02', '劳动节（法定，调休待国务院通知）'),
  ...range('2027-10-01', '2027-10-03', '国庆节（法定，调休待国务院通知）'),
];

/**
 * Demo planning data, matching what the scheduling demo (src/demo.ts) creates: a weekly template
 * per demo resource — mornings every day, afternoons Monday to Saturday, the same hours, pools and
 * quotas — linked to the demo sessions already made; summer and winter hours for 示例市第一人民医院;
 * and the national holidays for the demo region. Safe to call twice.
 */
export async function seedPlanningDemo(kernel: Kernel): Promise<void> {
  await withTransaction(kernel.pool, async (db) => {
    const { rows: done } = await db.query(`SELECT 1 FROM sched_template t JOIN org_unit i ON i.id = t.institution_id AND i.code = 'H001' LIMIT 1`);
    if (done[0]) return;
    const today = localDate(0);
    for (const r of DEMO_RESOURCES) {
      const { rows } = await db.query<{ id: number; institution_id: number; department_id: number }>(
        `SELECT r.id, r.institution_id, r.department_id FROM sched_resource r JOIN org_unit d ON d.id = r.department_id
         WHERE d.code = $1 AND r.name = $2 ORDER BY r.id LIMIT 1`, [r.dept, r.name]);
      const res = rows[0];
      if (!res) continue;
      const clinic = r.kind === 'clinic';
      if (clinic) await db.query('UPDATE sched_resource SET default_fee = $2 WHERE id = $1', [res.id, r.fee]);
      for (let weekday = 1; weekday <= 7; weekday++) {
        const periods: ['am' | 'pm', string, string][] = [['am', '08:00', '12:00']];
        if (weekday !== 7) periods.push(['pm', clinic ? '14:00' : '13:30', '17:30']);
        for (const [period, start, end] of periods) {
          await db.query(
            `INSERT INTO sched_template (institution_id, department_id, resource_id, weekday, period, start_time, end_time, capacity, segment_minutes,
               channel_quotas, reserved_followup, reserved_referral, fee, follow_season, valid_from)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 30, $9, $10, $10, $11, $12, $13)`,
            [res.institution_id, res.department_id, res.id, weekday, period, start, end, clinic ? 30 : 40,
              JSON.stringify(clinic ? DEMO_QUOTAS : {}), clinic ? 2 : 0, clinic ? r.fee : null,
              // medical technology keeps its own hours all year
              clinic, today]);
        }
      }
    }
    await db.query(
      `UPDATE sched_session s SET template_id = t.id FROM sched_template t
       WHERE t.resource_id = s.resource_id AND t.period = s.period AND t.weekday = extract(isodow FROM s.service_date)
         AND s.template_id IS NULL AND s.source = 'plan'`);
    // 时令: afternoons start half an hour later in summer
    await db.query(
      `INSERT INTO sched_season (institution_id, kind, name, starts_on, ends_on, am_start, am_end, pm_start, pm_end)
       SELECT i.id, s.kind, s.name, s.starts_on, s.ends_on, s.am_start::time, s.am_end::time, s.pm_start::time, s.pm_end::time
       FROM org_unit i CROSS JOIN (VALUES ('summer', '夏令时间', '05-01', '09-30', '08:00', '12:00', '14:30', '18:00'),
                                         ('winter', '冬令时间', '10-01', '04-30', '08:00', '12:00', '14:00', '17:30'))
         AS s(kind, name, starts_on, ends_on, am_start, am_end, pm_start, pm_end)
       WHERE i.code = 'H001'
       ON CONFLICT DO NOTHING`);
    const days = [...HOLIDAYS_2026, ...HOLIDAYS_2027];
    await db.query(
      `INSERT INTO sched_holiday (region_id, institution_id, day, kind, works_as, name)
       SELECT g.region_id, NULL, d.day, d.kind, d.works_as, d.name
       FROM (SELECT DISTINCT region_id FROM org_unit WHERE kind = 'institution' AND region_id IS NOT NULL) g
       CROSS JOIN unnest($1::date[], $2::text[], $3::smallint[], $4::text[]) AS d(day, kind, works_as, name)
       ON CONFLICT DO NOTHING`,
      [days.map((d) => d.day), days.map((d) => d.kind), days.map((d) => d.worksAs ?? null), days.map((d) => d.name)]);
  });
}
