import { AppError, type Actor } from '@kangyun/kernel';

/** Region-scoped administrators manage every institution of their region; others only their own. */
export function canManageInstitution(actor: Actor, institutionId: number): boolean {
  return actor.scope === 'region' ? actor.regionInstitutions.includes(institutionId) : actor.institutionId === institutionId;
}

export function assertManagesInstitution(actor: Actor, institutionId: number): void {
  if (!canManageInstitution(actor, institutionId)) throw new AppError(403, 'forbidden', 'identity.outside_institution');
}

export function manageableInstitutions(actor: Actor): number[] {
  return actor.scope === 'region' ? actor.regionInstitutions : [actor.institutionId];
}
