import { forbidden, type CallContext } from '@kangyun/kernel';

/**
 * Substitution and suspension must reach every live appointment of the session. Appointments sit
 * behind row-level security, so a caller whose data scope could hide some of them (department or
 * own scope) is refused rather than silently leaving those patients out.
 */
export function assertInstitutionScope(ctx: CallContext): void {
  if (ctx.actor.scope !== 'institution' && ctx.actor.scope !== 'region') throw forbidden('scheduling.scope_too_narrow');
}
