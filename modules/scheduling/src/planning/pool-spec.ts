import { fieldError, invalid } from '@kangyun/kernel';
import type { Channel } from '../constants.js';

export interface PoolInput {
  capacity: number;
  channelQuotas?: Partial<Record<Channel, number>>;
  reservedFollowup?: number;
  reservedReferral?: number;
}

/** channel quotas with zero entries dropped, so stored quotas only name channels that have numbers */
export function cleanQuotas(quotas: Partial<Record<Channel, number>> | undefined): Partial<Record<Channel, number>> {
  return Object.fromEntries(Object.entries(quotas ?? {}).filter(([, n]) => typeof n === 'number' && n > 0)) as Partial<Record<Channel, number>>;
}

/**
 * Dedicated numbers (channel quotas and reservations) must fit in the pool; checked here so a bad
 * plan is a 422 naming the field rather than a failure while numbers are laid out.
 */
export function checkPoolFits(input: PoolInput, numbered: boolean): void {
  const quotas = Object.values(cleanQuotas(input.channelQuotas)).reduce((a, b) => a + (b ?? 0), 0);
  const reserved = numbered ? (input.reservedFollowup ?? 0) + (input.reservedReferral ?? 0) : 0;
  const total = quotas + reserved;
  if (total > input.capacity) {
    throw invalid([fieldError(quotas > 0 ? 'channelQuotas' : 'reservedFollowup', 'exceeds_capacity', 'scheduling.quotas_exceed_capacity', { total, capacity: input.capacity })]);
  }
}
