import { AppError, type CallContext, type Kernel, type ScopedClient } from '@kangyun/kernel';
import { CALL_KINDS, type CallKind } from '../constants.js';
import { publish } from '../events/publish.js';
import { templateErrors } from './templates.js';

export interface TemplateInput { template: string; repeat: number }
export type TemplatesInput = Partial<Record<CallKind, TemplateInput | null>>;

export interface AreaInput {
  name: string;
  location?: string | null;
  preparePlace?: string | null;
  departmentId?: number | null;
  rooms: { name: string; match: string }[];
  templates?: TemplatesInput;
}

export async function listAreas(db: ScopedClient, institutionId: number) {
  const { rows } = await db.query(
    `SELECT a.id, a.name, a.location, a.prepare_place AS "preparePlace", a.department_id AS "departmentId", d.name AS "departmentName",
       COALESCE((SELECT jsonb_agg(jsonb_build_object('id', r.id, 'name', r.name, 'match', r.match, 'sort', r.sort) ORDER BY r.sort, r.id)
                 FROM queue_room r WHERE r.area_id = a.id), '[]') AS rooms,
       COALESCE((SELECT jsonb_object_agg(t.kind, jsonb_build_object('template', t.template, 'repeat', t.repeat))
                 FROM announcement_template t WHERE t.area_id = a.id), '{}') AS templates,
       (SELECT count(*)::int FROM display_device dv WHERE dv.revoked_at IS NULL AND a.id = ANY(dv.area_ids)) AS devices
     FROM waiting_area a LEFT JOIN org_unit d ON d.id = a.department_id
     WHERE a.institution_id = $1 ORDER BY a.id`, [institutionId]);
  return rows;
}

export async function saveArea(kernel: Kernel, ctx: CallContext, db: ScopedClient, id: number | null, input: AreaInput): Promise<number> {
  const errors = [...Object.entries(input.templates ?? {}).flatMap(([kind, t]) => (t ? templateErrors(`templates.${kind}.template`, t.template) : []))];
  if (errors.length) throw new AppError(422, 'validation_failed', 'error.validation_failed', {}, errors);
  const inst = ctx.actor.institutionId;
  let areaId = id;
  try {
    if (areaId === null) {
      const { rows } = await db.query(
        `INSERT INTO waiting_area (institution_id, department_id, name, location, prepare_place) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [inst, input.departmentId ?? null, input.name, input.location ?? null, input.preparePlace ?? null]);
      areaId = rows[0].id as number;
    } else {
      const { rowCount } = await db.query(
        `UPDATE waiting_area SET department_id = $3, name = $4, location = $5, prepare_place = $6, updated_at = now() WHERE id = $1 AND institution_id = $2`,
        [areaId, inst, input.departmentId ?? null, input.name, input.location ?? null, input.preparePlace ?? null]);
      if (!rowCount) throw new AppError(404, 'not_found', 'queue.area_unknown');
    }
  } catch (err) {
    if ((err as { code?: string }).code === '23505') throw new AppError(409, 'area_name_taken', 'queue.area_name_taken', {}, [], { field: 'name' });
    throw err;
  }
  // rooms: the listed ones belong to this area (a room already in another area is refused); others leave it
  const matches = input.rooms.map((r) => r.match);
  await db.query('UPDATE queue_room SET area_id = NULL WHERE area_id = $1 AND match <> ALL($2)', [areaId, matches]);
  for (const [i, room] of input.rooms.entries()) {
    const { rows } = await db.query(
      `INSERT INTO queue_room (institution_id, area_id, name, match, sort) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (institution_id, match) DO UPDATE SET name = EXCLUDED.name, sort = EXCLUDED.sort, area_id = EXCLUDED.area_id
         WHERE queue_room.area_id IS NULL OR queue_room.area_id = EXCLUDED.area_id
       RETURNING id`, [inst, areaId, room.name, room.match, i]);
    if (!rows[0]) {
      const { rows: other } = await db.query('SELECT a.name FROM queue_room r JOIN waiting_area a ON a.id = r.area_id WHERE r.institution_id = $1 AND r.match = $2', [inst, room.match]);
      throw new AppError(409, 'room_taken', 'queue.room_taken', { room: room.match, area: other[0]?.name ?? '' }, [], { field: `rooms.${i}.match` });
    }
  }
  if (input.templates) await saveTemplates(db, inst, areaId, input.templates);
  await kernel.audit(db, ctx, { action: id === null ? 'queue.area.create' : 'queue.area.update', entityType: 'WaitingArea', entityId: areaId, detail: { name: input.name, rooms: matches } });
  await publish(db, { t: 'config', inst });
  return areaId;
}

export async function deleteArea(kernel: Kernel, ctx: CallContext, db: ScopedClient, id: number): Promise<void> {
  await db.query('UPDATE queue_room SET area_id = NULL WHERE area_id = $1', [id]);
  await db.query('UPDATE display_device SET area_ids = array_remove(area_ids, $1::bigint) WHERE $1 = ANY(area_ids)', [id]);
  const { rowCount } = await db.query('DELETE FROM waiting_area WHERE id = $1 AND institution_id = $2', [id, ctx.actor.institutionId]);
  if (!rowCount) throw new AppError(404, 'not_found', 'queue.area_unknown');
  await kernel.audit(db, ctx, { action: 'queue.area.delete', entityType: 'WaitingArea', entityId: id });
  await publish(db, { t: 'config', inst: ctx.actor.institutionId });
}

/** one template per kind (null removes it: the institution's, then the built-in one applies) */
export async function saveTemplates(db: ScopedClient, institutionId: number, areaId: number | null, templates: TemplatesInput): Promise<void> {
  const errors = Object.entries(templates).flatMap(([kind, t]) => (t ? templateErrors(`${kind}.template`, t.template) : []));
  if (errors.length) throw new AppError(422, 'validation_failed', 'error.validation_failed', {}, errors);
  for (const kind of CALL_KINDS) {
    if (!(kind in templates)) continue;
    const t = templates[kind];
    if (!t) {
      await db.query('DELETE FROM announcement_template WHERE institution_id = $1 AND area_id IS NOT DISTINCT FROM $2 AND kind = $3', [institutionId, areaId, kind]);
      continue;
    }
    await db.query(
      `INSERT INTO announcement_template (institution_id, area_id, kind, template, repeat) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (institution_id, area_id, kind) DO UPDATE SET template = EXCLUDED.template, repeat = EXCLUDED.repeat, updated_at = now()`,
      [institutionId, areaId, kind, t.template, t.repeat]);
  }
}

export async function institutionTemplates(db: ScopedClient, institutionId: number) {
  const { rows } = await db.query(
    `SELECT kind, template, repeat FROM announcement_template WHERE institution_id = $1 AND area_id IS NULL`, [institutionId]);
  return Object.fromEntries(rows.map((r) => [r.kind, { template: r.template, repeat: r.repeat }]));
}

/** the room texts scheduling uses (resources and upcoming sessions), and where each is configured */
export async function roomOptions(db: ScopedClient, institutionId: number) {
  const { rows } = await db.query(
    `WITH rooms AS (
       SELECT r.room, r.department_id, r.name FROM sched_resource r WHERE r.institution_id = $1 AND r.active AND r.room IS NOT NULL
       UNION
       SELECT s.room, s.department_id, r.name FROM sched_session s JOIN sched_resource r ON r.id = s.resource_id
       WHERE s.institution_id = $1 AND s.room IS NOT NULL AND s.service_date BETWEEN current_date - 1 AND current_date + 14)
     SELECT x.room AS match, string_agg(DISTINCT d.name, '、') AS departments, string_agg(DISTINCT x.name, '、') AS resources,
       qr.id AS "roomId", qr.name AS "roomName", a.name AS "areaName"
     FROM rooms x JOIN org_unit d ON d.id = x.department_id
     LEFT JOIN queue_room qr ON qr.institution_id = $1 AND qr.match = x.room
     LEFT JOIN waiting_area a ON a.id = qr.area_id
     GROUP BY x.room, qr.id, qr.name, a.name ORDER BY x.room`, [institutionId]);
  return rows;
}

/** every room configured (for device forms), with its area */
export async function listRooms(db: ScopedClient, institutionId: number) {
  const { rows } = await db.query(
    `SELECT r.id, r.name, r.match, r.area_id AS "areaId", a.name AS "areaName" FROM queue_room r LEFT JOIN waiting_area a ON a.id = r.area_id
     WHERE r.institution_id = $1 ORDER BY a.id NULLS LAST, r.sort, r.id`, [institutionId]);
  return rows;
}
