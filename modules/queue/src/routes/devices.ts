import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { AppError, requestInfo, type Kernel } from '@kangyun/kernel';
import { checkIn } from '../checkin/checkin.js';
import { appointmentIdFrom } from '../checkin/candidates.js';
import { authenticateDevice, deviceActor, deviceToken, listDevices, reissueToken, registerDevice, revokeDevice, updateDevice, type DeviceInput } from '../display/devices.js';
import { deviceRooms } from '../display/snapshot.js';
import { deviceBody, idParams } from './schemas.js';

const tags = ['显示设备 Display devices'];
const MANAGE = { permission: 'queue.manage' };

export function deviceRoutes(app: FastifyInstance, kernel: Kernel): void {
  app.get('/api/queue/devices', { config: MANAGE, schema: { tags, summary: '显示设备（候诊大屏、诊室小屏、自助签到机）' } }, async (req) => {
    const ctx = req.ctx!;
    return kernel.scoped(ctx, (db) => listDevices(db, ctx.actor.institutionId));
  });

  app.post('/api/queue/devices', {
    config: MANAGE,
    schema: { tags, summary: '登记显示设备：返回一次性令牌和打开地址（只保存令牌的哈希）', body: deviceBody },
  }, async (req, reply) => {
    const ctx = req.ctx!;
    const result = await kernel.scoped(ctx, (db) => registerDevice(kernel, ctx, db, req.body as DeviceInput));
    return reply.code(201).send(result);
  });

  app.put('/api/queue/devices/:id', { config: MANAGE, schema: { tags, summary: '修改显示设备（显示的候诊区、诊室、语音）', params: idParams, body: deviceBody } }, async (req) => {
    const ctx = req.ctx!;
    const { id } = req.params as { id: number };
    return kernel.scoped(ctx, (db) => updateDevice(kernel, ctx, db, id, req.body as DeviceInput));
  });

  app.post('/api/queue/devices/:id/revoke', { config: MANAGE, schema: { tags, summary: '停用显示设备：屏幕数秒内显示“设备已停用”', params: idParams } }, async (req) => {
    const ctx = req.ctx!;
    const { id } = req.params as { id: number };
    return kernel.scoped(ctx, (db) => revokeDevice(kernel, ctx, db, id));
  });

  app.post('/api/queue/devices/:id/token', { config: MANAGE, schema: { tags, summary: '重新生成令牌（旧令牌立即失效，设备恢复启用）', params: idParams } }, async (req) => {
    const ctx = req.ctx!;
    const { id } = req.params as { id: number };
    return kernel.scoped(ctx, (db) => reissueToken(kernel, ctx, db, id));
  });

  // ---- what a screen itself may ask, with its device token (no user login) ----------------
  app.get('/api/queue/display/device', {
    config: { public: true },
    schema: { tags, summary: '显示设备自身信息（令牌无效或已停用时 401）', querystring: Type.Object({ device: Type.Optional(Type.String({ maxLength: 200 })) }) },
  }, async (req) => {
    const device = await authenticateDevice(kernel, deviceToken(req));
    const ctx = { actor: deviceActor(device), request: requestInfo(req) };
    const rooms = await kernel.scoped(ctx, (db) => deviceRooms(db, device));
    return { id: device.id, name: device.name, kind: device.kind, voice: device.voice, rooms };
  });

  app.post('/api/queue/display/checkin', {
    config: { public: true },
    schema: {
      tags, summary: '自助签到机（设备令牌）：扫预约单二维码或输入预约号签到',
      querystring: Type.Object({ device: Type.Optional(Type.String({ maxLength: 200 })) }),
      body: Type.Object({ code: Type.String({ minLength: 1, maxLength: 300, description: '预约单二维码内容或预约号' }) }),
    },
  }, async (req, reply) => {
    const device = await authenticateDevice(kernel, deviceToken(req));
    if (device.kind !== 'kiosk') throw new AppError(403, 'forbidden', 'queue.device_not_kiosk');
    const appointmentId = appointmentIdFrom((req.body as { code: string }).code);
    if (appointmentId === null) throw new AppError(422, 'validation_failed', 'error.validation_failed', {}, [{ field: 'code', code: 'format', messageKey: 'queue.code_unreadable' }]);
    const ctx = { actor: deviceActor(device), request: requestInfo(req) };
    const result = await kernel.scoped(ctx, (db) => checkIn(kernel, ctx, db, { appointmentId, channel: 'kiosk' }));
    return reply.code(result.kind === 'checkin' ? 201 : 200).send(result);
  });
}
