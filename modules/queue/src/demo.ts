import { withTransaction, type Kernel } from '@kangyun/kernel';
import { deviceUrl } from './display/devices.js';
import type { DeviceKind } from './constants.js';

interface DemoArea {
  dept: string;
  name: string;
  location: string;
  preparePlace?: string;
  rooms: [name: string, match: string][];
  templates?: { call?: string; recall?: string; prepare?: string };
}

/** Waiting areas of 示例市第一人民医院; `match` is the room text of the scheduling demo resources. */
const DEMO_AREAS: DemoArea[] = [
  { dept: 'H001-CAR', name: '门诊二楼心内科候诊区', location: '门诊楼 2 楼东侧', rooms: [['201 诊室', '门诊楼 2 楼 201 诊室'], ['202 诊室', '门诊楼 2 楼 202 诊室']] },
  { dept: 'H001-GYN', name: '门诊二楼妇科候诊区', location: '门诊楼 2 楼西侧', rooms: [['210 诊室', '门诊楼 2 楼 210 诊室']] },
  { dept: 'H001-PAL', name: '门诊三楼安宁疗护候诊区', location: '门诊楼 3 楼', rooms: [['301 诊室', '门诊楼 3 楼 301 诊室'], ['302 诊室', '门诊楼 3 楼 302 诊室']] },
  {
    dept: 'H001-US', name: '超声科候诊区', location: '医技楼 1 楼', preparePlace: '超声科二次候诊区',
    rooms: [['超声 1 室', '医技楼 1 楼 超声 1 室'], ['超声 2 室', '医技楼 1 楼 超声 2 室']],
    templates: { call: '请{number}号{name}到{room}检查', recall: '请{number}号{name}到{room}检查', prepare: '请{number}号{name}到{place}做检查准备' },
  },
  {
    dept: 'H001-RAD', name: '放射科候诊区', location: '医技楼 2 楼',
    rooms: [['DR 室', '医技楼 2 楼 DR 室'], ['CT 室', '医技楼 2 楼 CT 室'], ['磁共振室', '医技楼 2 楼 MRI 室']],
    templates: { call: '请{number}号{name}到{room}检查', recall: '请{number}号{name}到{room}检查' },
  },
];

/** fixed tokens so the README can give the addresses of the demo screens (demo data only) */
export const DEMO_DEVICES: { token: string; name: string; kind: DeviceKind; areas: string[]; rooms: string[]; voice: boolean }[] = [
  { token: 'demo-big-screen-h001-cardio', name: '心内科候诊区大屏', kind: 'big_screen', areas: ['门诊二楼心内科候诊区'], rooms: [], voice: true },
  { token: 'demo-door-screen-h001-201', name: '201 诊室门口屏', kind: 'door_screen', areas: [], rooms: ['门诊楼 2 楼 201 诊室'], voice: false },
  { token: 'demo-big-screen-h001-us', name: '超声科候诊区大屏', kind: 'big_screen', areas: ['超声科候诊区'], rooms: [], voice: true },
  { token: 'demo-kiosk-h001', name: '门诊大厅自助签到机', kind: 'kiosk', areas: ['门诊二楼心内科候诊区'], rooms: [], voice: false },
];

export async function seedQueueDemo(kernel: Kernel): Promise<void> {
  await withTransaction(kernel.pool, async (db) => {
    const ids = new Map((await db.query<{ code: string; id: number }>('SELECT code, id FROM org_unit WHERE code IS NOT NULL')).rows.map((r) => [r.code, r.id]));
    const h001 = ids.get('H001')!;
    await db.query(
      `INSERT INTO queue_rule (institution_id, department_id, checkin_before_minutes, checkin_after_minutes, late_grace_minutes, late_policy, late_after_n,
         missed_after_calls, skip_requeue_after_n, missed_rejoin_policy, missed_rejoin_after_n, return_policy, return_after_n, transfer_after_n,
         requeue_after_n, priority_groups, elderly_age)
       VALUES ($1, NULL, 60, 120, 15, 'after_n', 3, 3, 2, 'after_n', 3, 'after_n', 1, 0, 1, '{emergency,military,disabled,elderly}', 70)`, [h001]);
    // the two ultrasound rooms share one queue: whichever technician is free calls the next patient
    await db.query(`INSERT INTO queue_rule (institution_id, department_id, grouping, checkin_before_minutes) VALUES ($1, $2, 'shared_day', 90)`, [h001, ids.get('H001-US')]);
    await db.query(
      `INSERT INTO announcement_template (institution_id, area_id, kind, template, repeat) VALUES
         ($1, NULL, 'call', '请{number}号{name}到{room}就诊', 2), ($1, NULL, 'recall', '请{number}号{name}尽快到{room}就诊', 2),
         ($1, NULL, 'prepare', '请{number}号{name}到{place}准备', 1)`, [h001]);
    const areaIds = new Map<string, number>();
    const roomIds = new Map<string, number>();
    for (const area of DEMO_AREAS) {
      const { rows } = await db.query(
        `INSERT INTO waiting_area (institution_id, department_id, name, location, prepare_place) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [h001, ids.get(area.dept), area.name, area.location, area.preparePlace ?? null]);
      areaIds.set(area.name, rows[0].id);
      for (const [i, [name, match]] of area.rooms.entries()) {
        const { rows: r } = await db.query(`INSERT INTO queue_room (institution_id, area_id, name, match, sort) VALUES ($1, $2, $3, $4, $5) RETURNING id`, [h001, rows[0].id, name, match, i]);
        roomIds.set(match, r[0].id);
      }
      for (const [kind, template] of Object.entries(area.templates ?? {})) {
        await db.query(`INSERT INTO announcement_template (institution_id, area_id, kind, template, repeat) VALUES ($1, $2, $3, $4, 2)`, [h001, rows[0].id, kind, template]);
      }
    }
    for (const d of DEMO_DEVICES) {
      await db.query(
        `INSERT INTO display_device (institution_id, name, kind, area_ids, room_ids, voice, token_hash) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [h001, d.name, d.kind, d.areas.map((a) => areaIds.get(a)!), d.rooms.map((r) => roomIds.get(r)!), d.voice, kernel.crypto.hash(d.token)]);
    }
    // the demo kiosk client may also check patients in
    await db.query(`UPDATE oauth_client SET scopes = array_append(scopes, 'checkin') WHERE client_id = 'demo-kiosk' AND NOT 'checkin' = ANY(scopes)`);
  });
  kernel.log.info({ screens: DEMO_DEVICES.map((d) => deviceUrl(d.kind, d.token)) }, 'demo display screens');
}
