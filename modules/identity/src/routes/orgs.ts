import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { fieldError, invalid, notFound, withTransaction, writeAudit, type Kernel } from '@kangyun/kernel';

const tags = ['组织机构 Organisations'];

interface OrgRow { id: number; parent_id: number | null; kind: string; institution_type: string | null; name: string; code: string; active: boolean }
interface OrgNode { id: number; kind: string; institutionType?: string; name: string; code: string; active: boolean; children: OrgNode[] }

export function orgRoutes(app: FastifyInstance, kernel: Kernel): void {
  app.get('/api/orgs/tree', { config: { permission: 'org.read' }, schema: { tags, summary: '本区域组织机构树（区域 → 机构 → 科室）' } }, async (req) => {
    const { rows } = await kernel.pool.query<OrgRow>(
      `SELECT id, parent_id, kind, institution_type, name, code, active FROM org_unit WHERE id = $1 OR region_id = $1 ORDER BY kind <> 'region', id`,
      [req.ctx!.actor.regionId],
    );
    const nodes = new Map<number, OrgNode>();
    const roots: OrgNode[] = [];
    for (const r of rows) {
      nodes.set(r.id, { id: r.id, kind: r.kind, ...(r.institution_type ? { institutionType: r.institution_type } : {}), name: r.name, code: r.code, active: r.active, children: [] });
    }
    for (const r of rows) {
      const node = nodes.get(r.id)!;
      const parent = r.parent_id === null ? undefined : nodes.get(r.parent_id);
      if (parent) parent.children.push(node);
      else roots.push(node);
    }
    return roots;
  });

  app.post('/api/orgs', {
    config: { permission: 'org.manage' },
    schema: {
      tags, summary: '新增机构或科室',
      body: Type.Object({
        parentId: Type.Integer({ minimum: 1 }),
        kind: Type.Union([Type.Literal('institution'), Type.Literal('department')]),
        name: Type.String({ minLength: 1, maxLength: 100 }),
        code: Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_-]+$' }),
        institutionType: Type.Optional(Type.Union([Type.Literal('hospital'), Type.Literal('community_health_centre'), Type.Literal('station')])),
      }),
    },
  }, async (req, reply) => {
    const ctx = req.ctx!;
    const body = req.body as { parentId: number; kind: 'institution' | 'department'; name: string; code: string; institutionType?: string };
    const created = await withTransaction(kernel.pool, async (db) => {
      const { rows } = await db.query<OrgRow & { region_id: number | null; institution_id: number | null }>(
        'SELECT id, kind, region_id, institution_id FROM org_unit WHERE id = $1', [body.parentId]);
      const parent = rows[0];
      const regionOf = parent ? (parent.kind === 'region' ? parent.id : parent.region_id) : null;
      if (!parent || regionOf !== ctx.actor.regionId) throw invalid([fieldError('parentId', 'not_found', 'identity.parent_invalid', { reason: 'not found' })]);
      if (body.kind === 'institution' && parent.kind !== 'region' && parent.kind !== 'institution') {
        throw invalid([fieldError('parentId', 'wrong_kind', 'identity.parent_invalid', { reason: 'institution under department' })]);
      }
      if (body.kind === 'department' && parent.kind === 'region') {
        throw invalid([fieldError('parentId', 'wrong_kind', 'identity.parent_invalid', { reason: 'department directly under region' })]);
      }
      if (body.kind === 'institution' && !body.institutionType) throw invalid([fieldError('institutionType', 'required', 'identity.institution_type_required')]);
      const dup = await db.query('SELECT 1 FROM org_unit WHERE code = $1', [body.code]);
      if (dup.rowCount) throw invalid([fieldError('code', 'taken', 'identity.code_taken')]);
      const institutionId = body.kind === 'department' ? (parent.kind === 'institution' ? parent.id : parent.institution_id) : null;
      const ins = await db.query<{ id: number }>(
        `INSERT INTO org_unit (parent_id, kind, institution_type, name, code, region_id, institution_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [parent.id, body.kind, body.kind === 'institution' ? body.institutionType : null, body.name, body.code, regionOf, institutionId],
      );
      const id = ins.rows[0].id;
      if (body.kind === 'institution') await db.query('UPDATE org_unit SET institution_id = id WHERE id = $1', [id]);
      await writeAudit(db, ctx, { action: 'org.create', entityType: 'Organization', entityId: id, detail: { ...body } });
      return { id, ...body };
    });
    return reply.code(201).send(created);
  });

  app.patch('/api/orgs/:id', {
    config: { permission: 'org.manage' },
    schema: {
      tags, summary: '修改机构或科室',
      params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
      body: Type.Object({
        name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
        code: Type.Optional(Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_-]+$' })),
        active: Type.Optional(Type.Boolean()),
      }),
    },
  }, async (req) => {
    const ctx = req.ctx!;
    const { id } = req.params as { id: number };
    const body = req.body as { name?: string; code?: string; active?: boolean };
    return withTransaction(kernel.pool, async (db) => {
      const { rows } = await db.query('SELECT id, kind, region_id FROM org_unit WHERE id = $1 FOR UPDATE', [id]);
      if (!rows[0] || (rows[0].kind === 'region' ? rows[0].id : rows[0].region_id) !== ctx.actor.regionId) throw notFound();
      if (body.code) {
        const dup = await db.query('SELECT 1 FROM org_unit WHERE code = $1 AND id <> $2', [body.code, id]);
        if (dup.rowCount) throw invalid([fieldError('code', 'taken', 'identity.code_taken')]);
      }
      const upd = await db.query(
        `UPDATE org_unit SET name = coalesce($2, name), code = coalesce($3, code), active = coalesce($4, active) WHERE id = $1
         RETURNING id, kind, name, code, active`,
        [id, body.name ?? null, body.code ?? null, body.active ?? null],
      );
      await writeAudit(db, ctx, { action: 'org.update', entityType: 'Organization', entityId: id, detail: { ...body } });
      return upd.rows[0];
    });
  });
}

