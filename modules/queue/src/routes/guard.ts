import { forbidden, unauthorized, type CallContext } from '@kangyun/kernel';
import type { FastifyRequest } from 'fastify';

/** the caller, holding at least one of the permissions (route configs can only require all) */
export function requireAny(req: FastifyRequest, permissions: string[]): CallContext {
  const ctx = req.ctx;
  if (!ctx) throw unauthorized();
  if (!permissions.some((p) => ctx.actor.permissions.has(p))) throw forbidden('error.forbidden_permission', { permission: permissions.join(' / ') });
  return ctx;
}
