import { Type } from '@sinclair/typebox';
import { DEVICE_KINDS, PRIORITY_GROUPS } from '../constants.js';

export const idParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const dateSchema = Type.String({ format: 'date' });
export const prioritySchema = Type.Union(PRIORITY_GROUPS.map((g) => Type.Literal(g)), { description: '优先类别 emergency 急诊 / military 军人 / disabled 残疾人 / elderly 老年人' });
export const roomSchema = Type.String({ minLength: 1, maxLength: 100 });
export const deviceKindSchema = Type.Union(DEVICE_KINDS.map((k) => Type.Literal(k)), { description: 'big_screen 候诊大屏 / door_screen 诊室小屏 / kiosk 自助签到机' });

export const checkinBody = Type.Object({
  appointmentId: Type.Integer({ minimum: 1, description: '预约号（预约单二维码即 /m/checkin/<预约号>）' }),
  priority: Type.Optional(prioritySchema),
  channel: Type.Optional(Type.Union([Type.Literal('desk'), Type.Literal('doctor')], { description: '员工签到的来源：分诊台或医生诊间（加号后签到）' })),
  override: Type.Optional(Type.Object({ reason: Type.String({ minLength: 2, maxLength: 200 }) }, { description: '越过签到时间窗（需 queue.manage）' })),
});

export const deviceBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 60 }),
  kind: deviceKindSchema,
  areaIds: Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 20, default: [] }),
  roomIds: Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 50, default: [] }),
  voice: Type.Optional(Type.Boolean({ description: '语音播报（默认：大屏开启）' })),
});
