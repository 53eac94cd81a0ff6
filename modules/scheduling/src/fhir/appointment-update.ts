import type { Appointment, Resource } from '@medplum/fhirtypes';
import { AppError, fieldError, invalid, t, type CallContext, type Kernel, type ScopedClient } from '@kangyun/kernel';
import { cancelAppointment } from '../booking/cancel.js';
import { resolveChannel } from '../booking/channel.js';
import { toFhirAppointment } from './appointment-map.js';
import { readFhirAppointment } from './appointment-search.js';

/** elements the server keeps for itself; a client's copy of them is not a change request */
const SERVER_ELEMENTS = new Set(['resourceType', 'id', 'meta', 'text', 'status', 'cancelationReason']);
const INSTANTS = new Set(['start', 'end', 'created']);

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
    const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return false;
}

/** an instant written another way (e.g. +08:00 instead of Z) is the same instant */
function sameElement(key: string, sent: unknown, current: unknown): boolean {
  if (INSTANTS.has(key) && typeof sent === 'string' && typeof current === 'string') {
    const a = Date.parse(sent);
    return !Number.isNaN(a) && a === Date.parse(current);
  }
  return sameValue(sent, current);
}

/**
 * PUT of an Appointment: the only change it can make is the cancellation (status → cancelled, an
 * optional cancelationReason), which frees the number for the next patient or the waiting list.
 * Every element sent must otherwise equal the current one; an element left out is taken as
 * unchanged, so a client may send only what it means. Rescheduling is a new booking (/api).
 */
export async function updateAppointment(kernel: Kernel, ctx: CallContext, db: ScopedClient, id: string, resource: Resource): Promise<Appointment> {
  const missing = () => new AppError(404, 'not_found', 'fhir.resource_not_found', { type: 'Appointment', id });
  if (!/^\d{1,15}$/.test(id)) throw missing();
  const row = await readFhirAppointment(db, Number(id));
  if (!row) throw missing();
  const current = toFhirAppointment(row);
  const sent = resource as Appointment;
  const sentElements = sent as unknown as Record<string, unknown>;
  const currentElements = current as unknown as Record<string, unknown>;
  const changed = Object.keys(sent).filter((k) => !SERVER_ELEMENTS.has(k) && !sameElement(k, sentElements[k], currentElements[k]));
  const errors = changed.map((k) => fieldError(`Appointment.${k}`, 'read_only', 'scheduling.fhir.read_only_element'));
  const cancelling = sent.status === 'cancelled' && current.status !== 'cancelled';
  if (sent.status !== undefined && sent.status !== current.status && !cancelling) errors.unshift(fieldError('Appointment.status', 'not_allowed', 'scheduling.fhir.only_cancel'));
  if (!cancelling && sent.cancelationReason !== undefined && !sameValue(sent.cancelationReason, current.cancelationReason)) {
    errors.push(fieldError('Appointment.cancelationReason', 'read_only', 'scheduling.fhir.read_only_element'));
  }
  if (errors.length) throw invalid(errors);
  if (!cancelling) return current;
  const reason = sent.cancelationReason?.text ?? sent.cancelationReason?.coding?.[0]?.display ?? sent.cancelationReason?.coding?.[0]?.code
    ?? t('scheduling.fhir.cancel_reason_default', ctx.request.lang);
  const version = sent.meta?.versionId !== undefined ? Number(sent.meta.versionId) : undefined;
  const channel = await resolveChannel(kernel.pool, ctx, undefined);
  await cancelAppointment(kernel, ctx, db, Number(id), { reason: reason.slice(0, 200), channel, expectedVersion: Number.isInteger(version) ? version : undefined });
  return toFhirAppointment((await readFhirAppointment(db, Number(id)))!);
}
