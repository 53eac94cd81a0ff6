import { fieldError, invalid, type CallContext, type Queryable } from '@kangyun/kernel';
import type { Channel, Period } from '../../constants.js';
import { createSession } from '../../sessions/create-session.js';
import { localInstant } from '../../rules/session-window.js';
import { checkPoolFits } from '../pool-spec.js';
import { assertPractitioner, ownResource } from '../scope.js';

export interface TemporarySessionInput {
  resourceId: number;
  serviceDate: string;
  period: Period;
  startTime: string;
  endTime: string;
  capacity: number;
  segmentMinutes?: number;
  channelQuotas?: Partial<Record<Channel, number>>;
  reservedFollowup?: number;
  reservedReferral?: number;
  fee?: number | null;
  room?: string | null;
  practitionerId?: number | null;
}

/** 临时排班: one session outside the weekly plan, e.g. an extra clinic before a holiday */
export async function createTemporarySession(db: Queryable, ctx: CallContext, input: TemporarySessionInput): Promise<{ id: number; slots: number }> {
  const resource = await ownResource(db, ctx, input.resourceId);
  if (!resource.active) throw invalid([fieldError('resourceId', 'inactive', 'scheduling.resource_unknown')]);
  if (input.endTime <= input.startTime) throw invalid([fieldError('endTime', 'before_start', 'scheduling.end_before_start')]);
  if (localInstant(input.serviceDate, input.endTime).getTime() <= Date.now()) throw invalid([fieldError('serviceDate', 'past', 'scheduling.session_in_past')]);
  checkPoolFits(input, resource.kind === 'clinic');
  if (input.practitionerId) await assertPractitioner(db, ctx, input.practitionerId);
  const { rows } = await db.query('SELECT default_fee::float8 AS fee FROM sched_resource WHERE id = $1', [resource.id]);
  return createSession(db, {
    resourceId: resource.id, serviceDate: input.serviceDate, period: input.period, startTime: input.startTime, endTime: input.endTime,
    capacity: input.capacity, segmentMinutes: input.segmentMinutes ?? 30, channelQuotas: input.channelQuotas,
    reserved: { followup: input.reservedFollowup ?? 0, referral: input.reservedReferral ?? 0 },
    fee: input.fee === undefined ? rows[0].fee : input.fee, room: input.room ?? null, practitionerId: input.practitionerId ?? null,
    source: 'temporary', createdBy: ctx.actor.accountId,
  });
}
