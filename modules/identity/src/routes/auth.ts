import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from '@sinclair/typebox';
import {
  AppError, fieldError, invalid, login, lookupSession, newTotpSecret, requestInfo, revokeSession, SESSION_COOKIE, switchSessionAssignment,
  totpUri, verifyTotp, writeAudit, type Kernel,
} from '@kangyun/kernel';
import { sessionInfo } from '../services/session-info.js';
import { setPassword } from '../services/passwords.js';

const tags = ['认证 Authentication'];

export function authRoutes(app: FastifyInstance, kernel: Kernel): void {
  const setCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure: kernel.config.cookieSecure });

  app.post('/api/auth/login', {
    config: { public: true },
    schema: {
      tags, summary: '登录（用户名或手机号 + 密码，管理员需动态验证码）',
      body: Type.Object({
        username: Type.String({ minLength: 1, maxLength: 64 }),
        password: Type.String({ minLength: 1, maxLength: 128 }),
        totpCode: Type.Optional(Type.String({ maxLength: 6 })),
      }),
    },
  }, async (req, reply) => {
    const info = requestInfo(req);
    const result = await login(kernel.pool, kernel.crypto, req.body as { username: string; password: string; totpCode?: string }, info);
    if (result.status === 'totp_required') return { status: result.status };
    if (result.status === 'totp_setup_required') return { status: result.status, totpSetup: { secret: result.secret, otpauthUrl: result.otpauthUrl } };
    setCookie(reply, result.token);
    const found = await lookupSession(kernel.pool, kernel.crypto, result.token);
    if (found.status !== 'ok') throw new AppError(500, 'internal_error', 'error.internal');
    return { status: result.status, session: await sessionInfo(kernel.pool, found.actor, info.lang, found.idleTimeoutSeconds) };
  });

  app.post('/api/auth/logout', { config: { public: true }, schema: { tags, summary: '退出登录' } }, async (req, reply) => {
    if (req.sessionTokenHash && req.ctx) {
      await revokeSession(kernel.pool, req.sessionTokenHash);
      await writeAudit(kernel.pool, req.ctx, { action: 'auth.logout', entityType: 'Account', entityId: req.ctx.actor.accountId });
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  app.get('/api/auth/me', { config: { allowDuringPasswordChange: true }, schema: { tags, summary: '当前登录用户' } }, async (req) => {
    const ctx = req.ctx!;
    if (ctx.actor.kind !== 'user') throw new AppError(400, 'not_a_user', 'identity.not_a_user');
    return sessionInfo(kernel.pool, ctx.actor, ctx.request.lang, req.idleTimeoutSeconds ?? 0);
  });

  app.post('/api/auth/switch', {
    schema: { tags, summary: '切换机构/科室/角色（无需重新登录）', body: Type.Object({ assignmentId: Type.Integer({ minimum: 1 }) }) },
  }, async (req) => {
    const ctx = req.ctx!;
    const { assignmentId } = req.body as { assignmentId: number };
    if (!req.sessionTokenHash || !(await switchSessionAssignment(kernel.pool, req.sessionTokenHash, ctx.actor.accountId!, assignmentId))) {
      throw invalid([fieldError('assignmentId', 'not_yours', 'identity.assignment_not_yours')]);
    }
    const token = req.cookies[SESSION_COOKIE]!;
    const found = await lookupSession(kernel.pool, kernel.crypto, token);
    if (found.status !== 'ok') throw new AppError(401, 'session_expired', 'error.session_expired');
    await writeAudit(kernel.pool, { actor: found.actor, request: ctx.request }, {
      action: 'auth.switch', entityType: 'Assignment', entityId: assignmentId, detail: { from: ctx.actor.assignmentId },
    });
    return sessionInfo(kernel.pool, found.actor, ctx.request.lang, found.idleTimeoutSeconds);
  });

  app.post('/api/auth/password', {
    config: { allowDuringPasswordChange: true },
    schema: {
      tags, summary: '修改本人密码',
      body: Type.Object({ currentPassword: Type.String({ minLength: 1 }), newPassword: Type.String({ minLength: 1, maxLength: 128 }) }),
    },
  }, async (req, reply) => {
    const ctx = req.ctx!;
    const body = req.body as { currentPassword: string; newPassword: string };
    const { rows } = await kernel.pool.query('SELECT username, password_hash FROM account WHERE id = $1', [ctx.actor.accountId]);
    if (!rows[0] || !(await kernel.crypto.verifyPassword(body.currentPassword, rows[0].password_hash))) {
      throw invalid([fieldError('currentPassword', 'wrong_password', 'password.wrong_current')]);
    }
    await setPassword(kernel.pool, kernel.crypto, ctx.actor.accountId!, rows[0].username, body.newPassword, { mustChange: false });
    await writeAudit(kernel.pool, ctx, { action: 'auth.password_change', entityType: 'Account', entityId: ctx.actor.accountId });
    return reply.code(204).send();
  });

  app.post('/api/auth/totp/setup', { schema: { tags, summary: '开始绑定动态验证码（TOTP）' } }, async (req) => {
    const ctx = req.ctx!;
    const secret = newTotpSecret();
    await kernel.pool.query('UPDATE account SET totp_secret = $2 WHERE id = $1 AND NOT totp_enabled', [ctx.actor.accountId, kernel.crypto.encryptField(secret)]);
    return { secret, otpauthUrl: totpUri(secret, ctx.actor.name) };
  });

  app.post('/api/auth/totp/enable', {
    schema: { tags, summary: '确认绑定动态验证码', body: Type.Object({ code: Type.String({ pattern: '^\\d{6}$' }) }) },
  }, async (req, reply) => {
    const ctx = req.ctx!;
    const { rows } = await kernel.pool.query('SELECT totp_secret, totp_enabled FROM account WHERE id = $1', [ctx.actor.accountId]);
    const sealed = rows[0]?.totp_secret as string | null;
    if (rows[0]?.totp_enabled) return reply.code(204).send();
    if (!sealed || !verifyTotp(kernel.crypto.decryptField(sealed), (req.body as { code: string }).code)) {
      throw invalid([fieldError('code', 'totp_invalid', 'auth.totp_invalid')]);
    }
    await kernel.pool.query('UPDATE account SET totp_enabled = true WHERE id = $1', [ctx.actor.accountId]);
    await writeAudit(kernel.pool, ctx, { action: 'auth.totp_enable', entityType: 'Account', entityId: ctx.actor.accountId });
    return reply.code(204).send();
  });
}
