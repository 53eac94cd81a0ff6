import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import {
  createPortalSession, PORTAL_COOKIE, PORTAL_SESSION_DAYS, registerMessages, requestInfo, revokePortalSession, unauthorized, writeAudit,
  type Kernel,
} from '@kangyun/kernel';
import { normaliseCredentials } from './credentials.js';
import { portalPatient, type PortalPatient } from './identity.js';
import { linkRecord, registerSelf } from './register.js';
import { signIn } from './signin.js';
import { PORTAL_MESSAGES } from './messages.js';

const tags = ['患者端 Patient portal'];

const credentials = {
  name: Type.String({ minLength: 1, maxLength: 50, description: '姓名（与登记一致）' }),
  idNumber: Type.String({ minLength: 1, maxLength: 30, description: '证件号码' }),
  mobile: Type.String({ minLength: 1, maxLength: 20, description: '手机号（与登记一致）' }),
};
const idTypeSchema = Type.Union([Type.Literal('resident_id'), Type.Literal('passport'), Type.Literal('other')], { description: '证件类型，默认居民身份证' });

/**
 * Patients sign in on their phones (links and QR codes from the hospital) with what the index
 * already knows about them: name, document number and mobile. No password to forget; the session
 * is the HttpOnly cookie kangyun_portal (SameSite=Lax, so a link from an SMS or WeChat keeps it).
 */
export function portalRoutes(app: FastifyInstance, kernel: Kernel): void {
  registerMessages(PORTAL_MESSAGES);

  async function startSession(req: FastifyRequest, reply: FastifyReply, patientId: number): Promise<PortalPatient> {
    const info = requestInfo(req);
    const token = await createPortalSession(kernel.pool, kernel.crypto, patientId, info.ip, info.userAgent);
    reply.setCookie(PORTAL_COOKIE, token, {
      path: '/', httpOnly: true, sameSite: 'lax', secure: kernel.config.cookieSecure, maxAge: PORTAL_SESSION_DAYS * 86_400,
    });
    const me = (await portalPatient(kernel.pool, patientId))!;
    await writeAudit(kernel.pool, { actorName: `patient:${patientId}`, institutionId: me.institutions[0]?.id ?? null, request: info }, {
      action: 'portal.signin', entityType: 'Patient', entityId: patientId, patientId,
    });
    return me;
  }

  app.post('/api/portal/login', {
    config: { public: true },
    schema: {
      tags, summary: '患者验证身份（姓名 + 证件号码 + 手机号，须与患者主索引一致）；失败统一提示，按证件号限次',
      body: Type.Object({ ...credentials, idType: Type.Optional(idTypeSchema) }),
    },
  }, async (req, reply) => {
    const c = normaliseCredentials(req.body as Parameters<typeof normaliseCredentials>[0]);
    const patientId = await signIn(kernel, requestInfo(req), c).catch((err) => {
      if (err?.extra?.retryAfterSeconds) reply.header('retry-after', String(err.extra.retryAfterSeconds));
      throw err;
    });
    return startSession(req, reply, patientId);
  });

  app.post('/api/portal/register', {
    config: { public: true },
    schema: {
      tags, summary: '首次就诊自助建档（居民身份证按 GB 11643 校验）；证件号已在主索引中时按验证身份处理',
      body: Type.Object({ ...credentials, institutionId: Type.Integer({ minimum: 1, description: '就诊机构' }) }),
    },
  }, async (req, reply) => {
    const body = req.body as { name: string; idNumber: string; mobile: string; institutionId: number };
    const c = normaliseCredentials({ ...body, idType: 'resident_id' });
    const result = await registerSelf(kernel, requestInfo(req), c, body.institutionId).catch((err) => {
      if (err?.extra?.retryAfterSeconds) reply.header('retry-after', String(err.extra.retryAfterSeconds));
      throw err;
    });
    if (result.created) kernel.events.emit('patient.registered', { patientId: result.patientId, institutionId: body.institutionId });
    const me = await startSession(req, reply, result.patientId);
    return reply.code(result.created ? 201 : 200).send({ ...me, created: result.created });
  });

  app.post('/api/portal/logout', {
    config: { public: true },
    schema: { tags, summary: '患者退出（撤销本机会话）' },
  }, async (req, reply) => {
    const token = req.cookies?.[PORTAL_COOKIE];
    if (token) {
      const tokenHash = kernel.crypto.hash(token);
      const { rows } = await kernel.pool.query<{ patient_id: number }>('SELECT patient_id FROM portal_session WHERE token_hash = $1 AND revoked_at IS NULL', [tokenHash]);
      await revokePortalSession(kernel.pool, tokenHash);
      if (rows[0]) {
        const patientId = Number(rows[0].patient_id);
        await writeAudit(kernel.pool, { actorName: `patient:${patientId}`, request: requestInfo(req) }, { action: 'portal.signout', entityType: 'Patient', entityId: patientId, patientId });
      }
    }
    reply.clearCookie(PORTAL_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  app.get('/api/portal/me', {
    config: { portal: true },
    schema: { tags, summary: '当前验证的患者（姓名、证件号、手机号均脱敏）及其建档机构' },
  }, async (req) => {
    const me = await portalPatient(kernel.pool, req.portal!.patientId);
    if (!me) throw unauthorized('portal_signin_required', 'error.portal_signin_required');
    return me;
  });

  app.post('/api/portal/records', {
    config: { portal: true },
    schema: { tags, summary: '在另一家机构建立本人就诊档案（首次在该机构预约前）', body: Type.Object({ institutionId: Type.Integer({ minimum: 1 }) }) },
  }, async (req) => {
    const { institutionId } = req.body as { institutionId: number };
    const patientId = req.portal!.patientId;
    const created = await linkRecord(kernel, requestInfo(req), patientId, institutionId);
    return { ...(await portalPatient(kernel.pool, patientId))!, created };
  });
}
