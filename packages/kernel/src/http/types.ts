import type { CallContext } from '../context.js';
import type { PortalIdentity } from '../auth/portal.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** the authenticated caller; null on public routes without credentials */
    ctx: CallContext | null;
    /** hash of the session cookie's token, when the caller came with one */
    sessionTokenHash: string | null;
    idleTimeoutSeconds: number | null;
    /** the patient signed in to the patient portal, on routes with `config.portal` */
    portal: PortalIdentity | null;
  }
  interface FastifyContextConfig {
    /** reachable without credentials */
    public?: boolean;
    /** every listed permission is required */
    permission?: string | string[];
    /** reachable while the user must still change an initial or expired password */
    allowDuringPasswordChange?: boolean;
    /** a patient portal route: needs a portal session (cookie kangyun_portal), no staff login */
    portal?: boolean;
  }
}

export {};
