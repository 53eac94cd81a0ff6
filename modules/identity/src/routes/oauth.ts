import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import {
  AppError, clientScopeCatalogue, fieldError, invalid, issueClientToken, notFound, withTransaction, writeAudit, type Kernel,
} from '@kangyun/kernel';
import { assertManagesInstitution, manageableInstitutions } from '../services/scope-checks.js';

const tags = ['接口客户端 Integration clients'];

export function oauthRoutes(app: FastifyInstance, kernel: Kernel): void {
  app.post('/oauth2/token', {
    config: { public: true },
    schema: {
      tags, summary: 'OAuth 2.0 客户端凭证授权（client_credentials）',
      body: Type.Object({
        grant_type: Type.String(),
        client_id: Type.Optional(Type.String()),
        client_secret: Type.Optional(Type.String()),
        scope: Type.Optional(Type.String()),
      }),
    },
  }, async (req, reply) => {
    const body = req.body as { grant_type: string; client_id?: string; client_secret?: string; scope?: string };
    reply.header('cache-control', 'no-store');
    if (body.grant_type !== 'client_credentials') {
      return reply.code(400).send({ error: 'unsupported_grant_type', error_description: 'only client_credentials is supported' });
    }
    let id = body.client_id;
    let secret = body.client_secret;
    const basic = /^Basic\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (basic) {
      const decoded = Buffer.from(basic, 'base64').toString('utf8');
      const i = decoded.indexOf(':');
      id = decodeURIComponent(decoded.slice(0, i));
      secret = decodeURIComponent(decoded.slice(i + 1));
    }
    try {
      if (!id || !secret) throw new AppError(401, 'invalid_client', 'oauth.invalid_client');
      const token = await issueClientToken(kernel.pool, kernel.crypto, id, secret, body.scope);
      await writeAudit(kernel.pool, { request: { ip: req.ip, userAgent: req.headers['user-agent'] ?? null, lang: 'zh' }, actorName: id }, {
        action: 'oauth.token', entityType: 'OAuthClient', entityId: id, detail: { scope: token.scope },
      });
      return token;
    } catch (err) {
      if (err instanceof AppError) {
        await writeAudit(kernel.pool, { request: { ip: req.ip, userAgent: req.headers['user-agent'] ?? null, lang: 'zh' }, actorName: id ?? '' }, {
          action: 'oauth.token', entityType: 'OAuthClient', entityId: id ?? null, outcome: 'failure', detail: { error: err.code },
        });
        // RFC 6749 §5.2 error response
        return reply.code(err.status).send({ error: err.code, error_description: err.localized('en').title });
      }
      throw err;
    }
  });

  app.get('/api/oauth-clients/scopes', { config: { permission: 'oauth.manage' }, schema: { tags, summary: '可授予的接口权限范围' } }, async () =>
    clientScopeCatalogue().map(({ code, name }) => ({ code, name })));

  app.get('/api/oauth-clients', { config: { permission: 'oauth.manage' }, schema: { tags, summary: '接口客户端列表' } }, async (req) => {
    const { rows } = await kernel.pool.query(
      `SELECT c.id, c.client_id AS "clientId", c.name, c.scopes, c.institution_id AS "institutionId", i.name AS "institutionName",
              c.enabled, c.created_at AS "createdAt", c.demo
       FROM oauth_client c JOIN org_unit i ON i.id = c.institution_id WHERE c.institution_id = ANY($1) ORDER BY c.id`,
      [manageableInstitutions(req.ctx!.actor)],
    );
    return rows;
  });

  app.post('/api/oauth-clients', {
    config: { permission: 'oauth.manage' },
    schema: {
      tags, summary: '新建接口客户端（密钥只显示一次）',
      body: Type.Object({
        clientId: Type.String({ minLength: 3, maxLength: 60, pattern: '^[A-Za-z0-9_.-]+$' }),
        name: Type.String({ minLength: 1, maxLength: 100 }),
        scopes: Type.Array(Type.String(), { minItems: 1, maxItems: 20 }),
        institutionId: Type.Integer({ minimum: 1 }),
      }),
    },
  }, async (req, reply) => {
    const ctx = req.ctx!;
    const body = req.body as { clientId: string; name: string; scopes: string[]; institutionId: number };
    assertManagesInstitution(ctx.actor, body.institutionId);
    const known = new Set(clientScopeCatalogue().map((s) => s.code));
    for (const s of body.scopes) if (!known.has(s)) throw invalid([fieldError('scopes', 'unknown', 'identity.scope_unknown', { code: s })]);
    const secret = kernel.crypto.randomToken(24);
    const created = await withTransaction(kernel.pool, async (db) => {
      const dup = await db.query('SELECT 1 FROM oauth_client WHERE client_id = $1', [body.clientId]);
      if (dup.rowCount) throw invalid([fieldError('clientId', 'taken', 'identity.client_id_taken')]);
      const { rows } = await db.query(
        `INSERT INTO oauth_client (client_id, name, secret_hash, scopes, institution_id, created_by) VALUES ($1, $2, $3, $4, $5, $6)
         RETURNING id, client_id AS "clientId", name, scopes, institution_id AS "institutionId", enabled, created_at AS "createdAt"`,
        [body.clientId, body.name, await kernel.crypto.hashPassword(secret), body.scopes, body.institutionId, ctx.actor.accountId],
      );
      await writeAudit(db, ctx, { action: 'oauth_client.create', entityType: 'OAuthClient', entityId: body.clientId, detail: { scopes: body.scopes, institutionId: body.institutionId } });
      return rows[0];
    });
    return reply.code(201).send({ ...created, clientSecret: secret });
  });

  app.patch('/api/oauth-clients/:id', {
    config: { permission: 'oauth.manage' },
    schema: { tags, summary: '停用/启用接口客户端', params: Type.Object({ id: Type.Integer({ minimum: 1 }) }), body: Type.Object({ enabled: Type.Boolean() }) },
  }, async (req) => {
    const ctx = req.ctx!;
    const { id } = req.params as { id: number };
    const { enabled } = req.body as { enabled: boolean };
    return withTransaction(kernel.pool, async (db) => {
      const { rows } = await db.query(
        `UPDATE oauth_client SET enabled = $2 WHERE id = $1 AND institution_id = ANY($3)
         RETURNING id, client_id AS "clientId", name, scopes, institution_id AS "institutionId", enabled`,
        [id, enabled, manageableInstitutions(ctx.actor)]);
      if (!rows[0]) throw notFound();
      if (!enabled) await db.query('DELETE FROM access_token WHERE client_id = $1', [id]);
      await writeAudit(db, ctx, { action: enabled ? 'oauth_client.enable' : 'oauth_client.disable', entityType: 'OAuthClient', entityId: rows[0].clientId });
      return rows[0];
    });
  });
}
