import { Type } from '@sinclair/typebox';

export const tags = ['患者端预约 Patient booking'];
export const idParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const idempotencyKeySchema = Type.String({ minLength: 8, maxLength: 100, description: '页面生成的幂等键（重试不会重复预约）；也可用 Idempotency-Key 请求头' });

export const portalBookBody = Type.Object({
  sessionId: Type.Integer({ minimum: 1 }),
  slotId: Type.Optional(Type.Integer({ minimum: 1, description: '所选时段的号（不填取第一个可约号）' })),
  idempotencyKey: Type.Optional(idempotencyKeySchema),
});

export const portalCancelBody = Type.Object({
  reason: Type.String({ minLength: 1, maxLength: 200, description: '取消原因' }),
});

export const portalRescheduleBody = Type.Object({
  sessionId: Type.Integer({ minimum: 1 }),
  slotId: Type.Optional(Type.Integer({ minimum: 1 })),
});

export const dateRange = Type.Object({
  from: Type.Optional(Type.String({ format: 'date' })),
  to: Type.Optional(Type.String({ format: 'date' })),
});
