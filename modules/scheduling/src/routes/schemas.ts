import { Type } from '@sinclair/typebox';
import { CHANNELS } from '../constants.js';

export const channelSchema = Type.Union(CHANNELS.map((c) => Type.Literal(c)), { description: '预约渠道 window/kiosk/wechat/phone/internet/doctor/referral' });
export const idParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const dateSchema = Type.String({ format: 'date' });

export const bookBody = Type.Object({
  patientId: Type.Integer({ minimum: 1 }),
  sessionId: Type.Integer({ minimum: 1 }),
  slotId: Type.Optional(Type.Integer({ minimum: 1 })),
  channel: Type.Optional(channelSchema),
  hold: Type.Optional(Type.Boolean({ description: '只锁定号源（有效期内确认），不直接预约' })),
  reservation: Type.Optional(Type.Union([Type.Literal('followup'), Type.Literal('referral')])),
  idempotencyKey: Type.Optional(Type.String({ minLength: 8, maxLength: 100, description: '客户端幂等键；也可用 Idempotency-Key 请求头' })),
  note: Type.Optional(Type.String({ maxLength: 200 })),
});

export const cancelBody = Type.Object({
  reason: Type.String({ minLength: 1, maxLength: 200 }),
  version: Type.Optional(Type.Integer({ minimum: 1 })),
  channel: Type.Optional(channelSchema),
});

export const rescheduleBody = Type.Object({
  sessionId: Type.Integer({ minimum: 1 }),
  slotId: Type.Optional(Type.Integer({ minimum: 1 })),
  channel: Type.Optional(channelSchema),
});
