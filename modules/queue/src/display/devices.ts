import { AppError, type Actor, type CallContext, type Kernel, type ScopedClient } from '@kangyun/kernel';
import type { FastifyRequest } from 'fastify';
import type { DeviceKind } from '../constants.js';
import { publish } from '../events/publish.js';

export interface DeviceRow {
  id: number;
  institutionId: number;
  name: string;
  kind: DeviceKind;
  areaIds: number[];
  roomIds: number[];
  voice: boolean;
  revokedAt: string | null;
  lastSeenAt: string | null;
  lastIp: string | null;
  createdAt: string;
}

const DEVICE_COLUMNS = `id, institution_id AS "institutionId", name, kind, area_ids AS "areaIds", room_ids AS "roomIds", voice,
  revoked_at AS "revokedAt", last_seen_at AS "lastSeenAt", last_ip AS "lastIp", created_at AS "createdAt"`;

export interface DeviceInput {
  name: string;
  kind: DeviceKind;
  areaIds: number[];
  roomIds: number[];
  voice?: boolean;
}

/** the address a screen is opened at; the token travels in the query once and then lives in localStorage */
export function deviceUrl(kind: DeviceKind, token: string): string {
  const page = kind === 'door_screen' ? 'door' : kind === 'kiosk' ? 'kiosk' : 'big';
  return `/display/${page}?device=${encodeURIComponent(token)}`;
}

export async function listDevices(db: ScopedClient, institutionId: number): Promise<(DeviceRow & { online: boolean })[]> {
  const { rows } = await db.query(
    `SELECT ${DEVICE_COLUMNS}, (revoked_at IS NULL AND last_seen_at > now() - interval '2 minutes') AS online
     FROM display_device WHERE institution_id = $1 ORDER BY revoked_at IS NOT NULL, id`, [institutionId]);
  return rows;
}

/** registers a screen; the token is returned this once (only its hash is kept) */
export async function registerDevice(kernel: Kernel, ctx: CallContext, db: ScopedClient, input: DeviceInput, fixedToken?: string): Promise<{ device: DeviceRow; token: string; url: string }> {
  await assertPlaces(db, ctx.actor.institutionId, input);
  const token = fixedToken ?? kernel.crypto.randomToken(24);
  const { rows } = await db.query(
    `INSERT INTO display_device (institution_id, name, kind, area_ids, room_ids, voice, token_hash, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${DEVICE_COLUMNS}`,
    [ctx.actor.institutionId, input.name, input.kind, input.areaIds, input.roomIds, input.voice ?? input.kind === 'big_screen', kernel.crypto.hash(token), ctx.actor.accountId]);
  await kernel.audit(db, ctx, { action: 'display.register', entityType: 'DisplayDevice', entityId: rows[0].id, detail: { name: input.name, kind: input.kind } });
  return { device: rows[0], token, url: deviceUrl(input.kind, token) };
}

export async function updateDevice(kernel: Kernel, ctx: CallContext, db: ScopedClient, id: number, input: DeviceInput): Promise<DeviceRow> {
  await assertPlaces(db, ctx.actor.institutionId, input);
  const { rows } = await db.query(
    `UPDATE display_device SET name = $2, kind = $3, area_ids = $4, room_ids = $5, voice = COALESCE($6, voice)
     WHERE id = $1 AND institution_id = $7 RETURNING ${DEVICE_COLUMNS}`,
    [id, input.name, input.kind, input.areaIds, input.roomIds, input.voice ?? null, ctx.actor.institutionId]);
  if (!rows[0]) throw new AppError(404, 'not_found', 'queue.device_unknown');
  await kernel.audit(db, ctx, { action: 'display.update', entityType: 'DisplayDevice', entityId: id, detail: { ...input } });
  // its screens reload what they show
  await publish(db, { t: 'device', inst: ctx.actor.institutionId, deviceId: id, revoked: false });
  return rows[0];
}

/** 停用: the screen's stream ends at once and the token answers 401 from now on */
export async function revokeDevice(kernel: Kernel, ctx: CallContext, db: ScopedClient, id: number): Promise<DeviceRow> {
  const { rows } = await db.query(
    `UPDATE display_device SET revoked_at = COALESCE(revoked_at, now()), revoked_by = COALESCE(revoked_by, $2)
     WHERE id = $1 AND institution_id = $3 RETURNING ${DEVICE_COLUMNS}`, [id, ctx.actor.accountId, ctx.actor.institutionId]);
  if (!rows[0]) throw new AppError(404, 'not_found', 'queue.device_unknown');
  await kernel.audit(db, ctx, { action: 'display.revoke', entityType: 'DisplayDevice', entityId: id });
  await publish(db, { t: 'device', inst: ctx.actor.institutionId, deviceId: id, revoked: true });
  return rows[0];
}

/** a new token (e.g. the screen was replaced); the old one stops working, the device is active again */
export async function reissueToken(kernel: Kernel, ctx: CallContext, db: ScopedClient, id: number): Promise<{ device: DeviceRow; token: string; url: string }> {
  const token = kernel.crypto.randomToken(24);
  const { rows } = await db.query(
    `UPDATE display_device SET token_hash = $2, revoked_at = NULL, revoked_by = NULL WHERE id = $1 AND institution_id = $3 RETURNING ${DEVICE_COLUMNS}`,
    [id, kernel.crypto.hash(token), ctx.actor.institutionId]);
  if (!rows[0]) throw new AppError(404, 'not_found', 'queue.device_unknown');
  await kernel.audit(db, ctx, { action: 'display.token', entityType: 'DisplayDevice', entityId: id });
  await publish(db, { t: 'device', inst: ctx.actor.institutionId, deviceId: id, revoked: true });
  return { device: rows[0], token, url: deviceUrl(rows[0].kind, token) };
}

async function assertPlaces(db: ScopedClient, institutionId: number, input: DeviceInput): Promise<void> {
  const { rows } = await db.query(
    `SELECT (SELECT count(*) FROM waiting_area WHERE institution_id = $1 AND id = ANY($2))::int AS areas,
            (SELECT count(*) FROM queue_room WHERE institution_id = $1 AND id = ANY($3))::int AS rooms`,
    [institutionId, input.areaIds, input.roomIds]);
  const errors = [];
  if (rows[0].areas !== new Set(input.areaIds).size) errors.push({ field: 'areaIds', code: 'unknown', messageKey: 'queue.area_unknown' });
  if (rows[0].rooms !== new Set(input.roomIds).size) errors.push({ field: 'roomIds', code: 'unknown', messageKey: 'queue.room_unknown' });
  if (!input.areaIds.length && !input.roomIds.length) errors.push({ field: 'areaIds', code: 'required', messageKey: 'queue.device_needs_place' });
  if (errors.length) throw new AppError(422, 'validation_failed', 'error.validation_failed', {}, errors);
}

/** the token a screen sends: ?device=… (EventSource cannot set headers) or X-Display-Device */
export function deviceToken(req: FastifyRequest): string | null {
  const header = req.headers['x-display-device'];
  if (typeof header === 'string' && header) return header;
  const q = (req.query as { device?: unknown } | undefined)?.device;
  return typeof q === 'string' && q ? q : null;
}

/** the screen behind a token, or 401 (unknown or revoked) */
export async function authenticateDevice(kernel: Kernel, token: string | null): Promise<DeviceRow> {
  if (!token || token.length > 200) throw new AppError(401, 'device_unknown', 'queue.device_unauthorized');
  const { rows } = await kernel.pool.query({
    name: 'queue.device-by-token',
    text: `SELECT ${DEVICE_COLUMNS} FROM display_device WHERE token_hash = $1`,
    values: [kernel.crypto.hash(token)],
  });
  const device = rows[0] as DeviceRow | undefined;
  if (!device) throw new AppError(401, 'device_unknown', 'queue.device_unauthorized');
  if (device.revokedAt) throw new AppError(401, 'device_revoked', 'queue.device_revoked');
  return device;
}

/** a screen reads its institution's queues as an actor of its own: institution scope, no permissions */
export function deviceActor(device: DeviceRow): Actor {
  return {
    kind: 'client', accountId: null, name: `display:${device.id}`, displayName: device.name, clientId: null, assignmentId: null,
    institutionId: device.institutionId, departmentId: null, regionId: 0, roleCode: 'display', adminKind: null,
    permissions: new Set(), scope: 'institution', regionInstitutions: [device.institutionId], mustChangePassword: false,
  };
}
