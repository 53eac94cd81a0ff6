import { forbidden, type CallContext, type Queryable } from '@kangyun/kernel';
import type { Channel } from '../constants.js';

/** channels a staff member may book through at the desk or in the clinic */
const STAFF_CHANNELS: readonly Channel[] = ['window', 'phone', 'doctor', 'referral'];

/**
 * The quota a request books against. Integration clients (kiosks, the WeChat platform, the
 * internet hospital) are bound to one channel by configuration and cannot choose another; staff
 * choose among the desk channels.
 */
export async function resolveChannel(pool: Queryable, ctx: CallContext, requested: Channel | undefined): Promise<Channel> {
  if (ctx.actor.clientId) {
    const { rows } = await pool.query({ name: 'scheduling.client-channel', text: 'SELECT channel FROM sched_channel_client WHERE client_id = $1', values: [ctx.actor.clientId] });
    const bound = (rows[0]?.channel as Channel | undefined) ?? 'internet';
    if (requested && requested !== bound) throw forbidden('scheduling.channel_not_allowed', { channel: requested });
    return bound;
  }
  const channel = requested ?? 'window';
  if (!STAFF_CHANNELS.includes(channel)) throw forbidden('scheduling.channel_not_allowed', { channel });
  if (channel === 'referral' && ctx.actor.institutionId === undefined) throw forbidden('scheduling.channel_not_allowed', { channel });
  return channel;
}
