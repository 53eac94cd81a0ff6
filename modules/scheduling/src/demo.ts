import { withTransaction, type Kernel } from '@kangyun/kernel';
import type { Channel, ClinicLevel, Modality } from './constants.js';
import { createSession } from './sessions/create-session.js';
import { HOSPITAL_TZ } from './constants.js';
import { seedExamsDemo } from './exams/index.js';

type DemoResource =
  | { dept: string; kind: 'clinic'; name: string; doctor: string; level: ClinicLevel; room: string; fee: number }
  | { dept: string; kind: 'exam'; name: string; modality: Modality; room: string };

/** Demo bookable resources: every clinical and medical-technology department of the demo institutions. */
export const DEMO_RESOURCES: DemoResource[] = [
  { dept: 'H001-PAL', kind: 'clinic', name: '安宁疗护专家门诊（王建国）', doctor: 'dr.wang', level: 'expert', room: '门诊楼 3 楼 301 诊室', fee: 25 },
  { dept: 'H001-PAL', kind: 'clinic', name: '安宁疗护普通门诊（钱文）', doctor: 'dr.qian', level: 'general', room: '门诊楼 3 楼 302 诊室', fee: 10 },
  { dept: 'H001-ONC', kind: 'clinic', name: '肿瘤科专家门诊（李明）', doctor: 'dr.li', level: 'expert', room: '门诊楼 4 楼 401 诊室', fee: 25 },
  { dept: 'H001-CAR', kind: 'clinic', name: '心血管内科普通门诊（张慧）', doctor: 'dr.zhang', level: 'general', room: '门诊楼 2 楼 201 诊室', fee: 10 },
  { dept: 'H001-CAR', kind: 'clinic', name: '心血管内科专家门诊（谢飞）', doctor: 'dr.xie', level: 'expert', room: '门诊楼 2 楼 202 诊室', fee: 25 },
  { dept: 'H001-PSY', kind: 'clinic', name: '心理门诊（何佳）', doctor: 'psy.he', level: 'general', room: '门诊楼 5 楼 501 诊室', fee: 10 },
  { dept: 'H001-GYN', kind: 'clinic', name: '妇科专家门诊（方琳）', doctor: 'dr.fang', level: 'special', room: '门诊楼 2 楼 210 诊室', fee: 50 },
  { dept: 'H001-PED', kind: 'clinic', name: '儿科门诊（唐宁）', doctor: 'dr.tang', level: 'general', room: '门诊楼 1 楼 105 诊室', fee: 10 },
  { dept: 'C001-GP', kind: 'clinic', name: '全科门诊（赵磊）', doctor: 'dr.zhao', level: 'general', room: '1 号诊室', fee: 5 },
  { dept: 'C002-GP', kind: 'clinic', name: '全科门诊（陈静）', doctor: 'dr.chen', level: 'general', room: '1 号诊室', fee: 5 },
  { dept: 'C003-GP', kind: 'clinic', name: '全科门诊（孙涛）', doctor: 'dr.sun', level: 'general', room: '1 号诊室', fee: 5 },
  { dept: 'H001-US', kind: 'exam', name: '超声 1 室', modality: 'US', room: '医技楼 1 楼 超声 1 室' },
  { dept: 'H001-US', kind: 'exam', name: '超声 2 室', modality: 'US', room: '医技楼 1 楼 超声 2 室' },
  { dept: 'H001-RAD', kind: 'exam', name: 'DR 摄片室', modality: 'DR', room: '医技楼 2 楼 DR 室' },
  { dept: 'H001-RAD', kind: 'exam', name: 'CT 1 号机', modality: 'CT', room: '医技楼 2 楼 CT 室' },
  { dept: 'H001-RAD', kind: 'exam', name: 'MRI 1 号机', modality: 'MRI', room: '医技楼 2 楼 MRI 室' },
  { dept: 'H001-ECG', kind: 'exam', name: '心电图 1 室', modality: 'ECG', room: '医技楼 1 楼 心电图室' },
  { dept: 'H001-END', kind: 'exam', name: '胃肠镜室', modality: 'ENDO', room: '医技楼 3 楼 内镜中心' },
];

/** per session of 30 numbers: dedicated channel quotas, 2 follow-up and 2 referral numbers, the rest shared */
export const DEMO_QUOTAS: Partial<Record<Channel, number>> = { window: 6, kiosk: 4, wechat: 6, phone: 2, internet: 2, doctor: 2 };

/** local date `offset` days from today in the hospital's zone */
export function localDate(offset: number, from = new Date()): string {
  const d = new Date(from.getTime() + offset * 86_400_000);
  return d.toLocaleDateString('sv-SE', { timeZone: HOSPITAL_TZ });
}

export async function seedSchedulingDemo(kernel: Kernel, days = 14): Promise<void> {
  await withTransaction(kernel.pool, async (db) => {
    const ids = new Map((await db.query<{ code: string; id: number; institution_id: number }>(
      `SELECT code, id, institution_id FROM org_unit WHERE code IS NOT NULL`)).rows.map((r) => [r.code, r]));
    const accounts = new Map((await db.query<{ username: string; id: number }>('SELECT username, id FROM account')).rows.map((r) => [r.username, r.id]));
    // department rules: gynaecology sees women, paediatrics children under 15
    await db.query(`INSERT INTO sched_booking_rule (institution_id, department_id) VALUES ($1, NULL)`, [ids.get('H001')!.id]);
    await db.query(`INSERT INTO sched_booking_rule (institution_id, department_id, sex) VALUES ($1, $2, 'female')`, [ids.get('H001')!.id, ids.get('H001-GYN')!.id]);
    await db.query(`INSERT INTO sched_booking_rule (institution_id, department_id, max_age) VALUES ($1, $2, 14)`, [ids.get('H001')!.id, ids.get('H001-PED')!.id]);
    for (const [clientId, channel] of [['demo-kiosk', 'kiosk'], ['demo-wechat', 'wechat'], ['demo-integration', 'internet']]) {
      await db.query('INSERT INTO sched_channel_client (client_id, channel) VALUES ($1, $2) ON CONFLICT DO NOTHING', [clientId, channel]);
    }
    for (const r of DEMO_RESOURCES) {
      const dept = ids.get(r.dept)!;
      const { rows } = await db.query<{ id: number }>(
        `INSERT INTO sched_resource (institution_id, department_id, kind, name, practitioner_id, clinic_level, modality, room)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [dept.institution_id, dept.id, r.kind, r.name, r.kind === 'clinic' ? accounts.get(r.doctor) : null,
          r.kind === 'clinic' ? r.level : null, r.kind === 'exam' ? r.modality : null, r.room]);
      for (let day = 0; day < days; day++) {
        const date = localDate(day);
        const weekday = new Date(`${date}T12:00:00+08:00`).getUTCDay();
        const periods: ['am' | 'pm', string, string][] = [['am', '08:00', '12:00']];
        if (weekday !== 0) periods.push(['pm', r.kind === 'exam' ? '13:30' : '14:00', '17:30']);
        for (const [period, start, end] of periods) {
          await createSession(db, r.kind === 'clinic'
            ? { resourceId: rows[0].id, serviceDate: date, period, startTime: start, endTime: end, capacity: 30, segmentMinutes: 30,
                channelQuotas: DEMO_QUOTAS, reserved: { followup: 2, referral: 2 }, fee: r.fee }
            : { resourceId: rows[0].id, serviceDate: date, period, startTime: start, endTime: end, capacity: 40 });
        }
      }
    }
  });
  await seedExamsDemo(kernel);
}
