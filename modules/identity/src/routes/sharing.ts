import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { fieldError, invalid, notFound, withTransaction, writeAudit, type Kernel } from '@kangyun/kernel';

const tags = ['数据共享 Data sharing'];

/**
 * Deliberate sharing: an institution grants another institution read access to its patient
 * data (one patient or all), for a purpose and until a date. Reads through a grant are audited.
 */
export function sharingRoutes(app: FastifyInstance, kernel: Kernel): void {
  app.get('/api/data-sharing/grants', { config: { permission: 'share.manage' }, schema: { tags, summary: '本机构发出和收到的共享授权' } }, async (req) => {
    const inst = req.ctx!.actor.institutionId;
    const { rows } = await kernel.pool.query(
      `SELECT g.id, g.owner_institution_id AS "ownerInstitutionId", o.name AS "ownerInstitutionName",
              g.grantee_institution_id AS "granteeInstitutionId", e.name AS "granteeInstitutionName", g.patient_id AS "patientId",
              g.purpose, g.expires_at AS "expiresAt", g.revoked_at AS "revokedAt", g.created_at AS "createdAt"
       FROM data_share_grant g JOIN org_unit o ON o.id = g.owner_institution_id JOIN org_unit e ON e.id = g.grantee_institution_id
       WHERE g.owner_institution_id = $1 OR g.grantee_institution_id = $1 ORDER BY g.id DESC`, [inst]);
    return rows;
  });

  app.post('/api/data-sharing/grants', {
    config: { permission: 'share.manage' },
    schema: {
      tags, summary: '授权其他机构读取本机构的患者数据',
      body: Type.Object({
        granteeInstitutionId: Type.Integer({ minimum: 1 }),
        patientId: Type.Optional(Type.Integer({ minimum: 1 })),
        purpose: Type.String({ minLength: 2, maxLength: 200 }),
        expiresAt: Type.Optional(Type.String({ format: 'date-time' })),
      }),
    },
  }, async (req, reply) => {
    const ctx = req.ctx!;
    const body = req.body as { granteeInstitutionId: number; patientId?: number; purpose: string; expiresAt?: string };
    if (body.granteeInstitutionId === ctx.actor.institutionId || !ctx.actor.regionInstitutions.includes(body.granteeInstitutionId)) {
      throw invalid([fieldError('granteeInstitutionId', 'invalid', 'error.not_found')]);
    }
    const grant = await withTransaction(kernel.pool, async (db) => {
      const { rows } = await db.query(
        `INSERT INTO data_share_grant (owner_institution_id, grantee_institution_id, patient_id, purpose, expires_at, created_by)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [ctx.actor.institutionId, body.granteeInstitutionId, body.patientId ?? null, body.purpose, body.expiresAt ?? null, ctx.actor.accountId]);
      await writeAudit(db, ctx, { action: 'share.grant', entityType: 'DataShareGrant', entityId: rows[0].id, patientId: body.patientId ?? null, detail: { ...body } });
      return { id: rows[0].id, ...body };
    });
    return reply.code(201).send(grant);
  });

  app.delete('/api/data-sharing/grants/:id', {
    config: { permission: 'share.manage' },
    schema: { tags, summary: '撤销共享授权', params: Type.Object({ id: Type.Integer({ minimum: 1 }) }) },
  }, async (req, reply) => {
    const ctx = req.ctx!;
    const { id } = req.params as { id: number };
    await withTransaction(kernel.pool, async (db) => {
      const { rowCount } = await db.query(
        'UPDATE data_share_grant SET revoked_at = now() WHERE id = $1 AND owner_institution_id = $2 AND revoked_at IS NULL', [id, ctx.actor.institutionId]);
      if (!rowCount) throw notFound();
      await writeAudit(db, ctx, { action: 'share.revoke', entityType: 'DataShareGrant', entityId: id });
    });
    return reply.code(204).send();
  });
}
