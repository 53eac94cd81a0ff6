import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kernel } from '../kernel.js';
import { AppError, forbidden, unauthorized } from '../errors.js';
import { langFromHeader } from '../i18n.js';
import { lookupSession, SESSION_COOKIE } from '../auth/sessions.js';
import { lookupAccessToken } from '../auth/oauth.js';
import { lookupPortalSession, PORTAL_COOKIE } from '../auth/portal.js';
import type { RequestInfo } from '../context.js';

export function requestInfo(req: FastifyRequest): RequestInfo {
  return { ip: req.ip, userAgent: req.headers['user-agent'] ?? null, lang: langFromHeader(req.headers['accept-language']) };
}

/**
 * Authenticates every request (session cookie for the web app, Bearer token for integrations)
 * and enforces each route's declared permissions before the handler runs.
 */
export function registerAuthHook(app: FastifyInstance, kernel: Kernel): void {
  app.decorateRequest('ctx', null);
  app.decorateRequest('sessionTokenHash', null);
  app.decorateRequest('idleTimeoutSeconds', null);
  app.decorateRequest('portal', null);

  app.addHook('onRequest', async (req) => {
    const cfg = req.routeOptions.config ?? {};
    if (cfg.portal) {
      // patient portal: its own cookie, never a staff session
      const token = req.cookies?.[PORTAL_COOKIE];
      req.portal = token ? await lookupPortalSession(kernel.pool, kernel.crypto, token) : null;
      if (!req.portal) throw unauthorized('portal_signin_required', 'error.portal_signin_required');
      return;
    }
    const info = requestInfo(req);
    const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (bearer) {
      const actor = await lookupAccessToken(kernel.pool, kernel.crypto, bearer.trim());
      if (!actor) throw new AppError(401, 'invalid_token', 'error.invalid_token');
      req.ctx = { actor, request: info };
    } else {
      const token = req.cookies?.[SESSION_COOKIE];
      if (token) {
        const found = await lookupSession(kernel.pool, kernel.crypto, token);
        if (found.status === 'ok') {
          req.ctx = { actor: found.actor, request: info };
          req.sessionTokenHash = found.tokenHash;
          req.idleTimeoutSeconds = found.idleTimeoutSeconds;
        } else if (found.status === 'expired' && !cfg.public) {
          throw unauthorized('session_expired', 'error.session_expired');
        }
      }
    }
    if (cfg.public || req.routeOptions.url === undefined) return;
    if (!req.ctx) throw unauthorized();
    if (req.ctx.actor.mustChangePassword && !cfg.allowDuringPasswordChange) {
      throw new AppError(403, 'password_change_required', 'error.password_change_required');
    }
    const needed = cfg.permission === undefined ? [] : Array.isArray(cfg.permission) ? cfg.permission : [cfg.permission];
    for (const p of needed) {
      if (!req.ctx.actor.permissions.has(p)) throw forbidden('error.forbidden_permission', { permission: p });
    }
  });
}
