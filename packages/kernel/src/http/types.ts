import type { CallContext } from '../context.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** the authenticated caller; null on public routes without credentials */
    ctx: CallContext | null;
    /** hash of the session cookie's token, when the caller came with one */
    sessionTokenHash: string | null;
    idleTimeoutSeconds: number | null;
  }
  interface FastifyContextConfig {
    /** reachable without credentials */
    public?: boolean;
    /** every listed permission is required */
    permission?: string | string[];
    /** reachable while the user must still change an initial or expired password */
    allowDuringPasswordChange?: boolean;
  }
}

export {};
