import { AppError, conflict, fieldError, invalid, type CallContext, type FhirOperationDef, type FhirOperationRequest, type FhirOperationResult, type Kernel, type ScopedClient } from '@kangyun/kernel';
import type { Channel } from '../constants.js';
import { bookSlot, idempotencyOwner } from '../booking/book.js';
import { resolveChannel } from '../booking/channel.js';
import { nextOptions } from '../booking/alternatives.js';
import type { BookingOption } from '../booking/types.js';
import { withAlternatives } from './alternatives.js';
import { toFhirAppointment } from './appointment-map.js';
import { readFhirAppointment } from './appointment-search.js';
import { bookingTarget, idempotencyKeyOf } from './booking-target.js';
import { holdOrConfirmStored } from './confirm-hold.js';
import { paramPath } from './find-params.js';
import { loadNumber, type NumberFacts } from './number.js';
import { proposalId } from './proposal-id.js';
import { IHE_BOOK, IHE_HOLD } from './systems.js';

/** the booking core names its inputs; FHIR callers sent an Appointment */
const FIELD_PATHS: Record<string, string> = {
  patientId: 'Appointment.participant.actor',
  sessionId: 'Appointment.slot',
  slotId: 'Appointment.slot',
};

function asFhirError(err: unknown, patientId: number | null, lang: CallContext['request']['lang']): unknown {
  if (!(err instanceof AppError)) return err;
  if (err.code === 'slot_unavailable') return withAlternatives(err, (err.extra.options as BookingOption[] | undefined) ?? [], patientId, lang);
  // conflict() carries its values in `extra` only; the message needs them too (e.g. {limit})
  const params = { ...err.extra, ...err.params };
  return new AppError(err.status, err.code, err.messageKey, params, err.fieldErrors.map((f) => ({ ...f, field: FIELD_PATHS[f.field] ?? f.field })), err.extra);
}

/**
 * Numbers a channel can never take from here are refused with the reason; whether the number is
 * still free is left to the booking itself, so that a retry with the same idempotency key finds its
 * first booking instead of a "taken" answer.
 */
async function refuseForeignNumber(db: ScopedClient, ctx: CallContext, n: NumberFacts, channel: Channel, patientId: number): Promise<void> {
  let err: AppError | null = null;
  if (n.channel && n.channel !== channel) err = conflict('number_not_for_channel', 'scheduling.fhir.number_not_for_channel');
  else if (!n.released) err = conflict('number_reserved', 'scheduling.fhir.number_reserved');
  if (!err) return;
  const options = await nextOptions(db, { id: n.sessionId, departmentId: n.departmentId, resourceId: n.resourceId, startsAt: n.sessionStartsAt }, channel, n.slotId);
  throw withAlternatives(err, options, patientId, ctx.request.lang);
}

async function holdOrBook(kernel: Kernel, ctx: CallContext, db: ScopedClient, req: FhirOperationRequest, op: 'hold' | 'book'): Promise<FhirOperationResult> {
  const target = bookingTarget(req);
  const key = idempotencyKeyOf(req.headers);
  const channel = await resolveChannel(kernel.pool, ctx, undefined);
  let id: number;
  let created = false;
  if (target.storedId) {
    id = (await holdOrConfirmStored(kernel, ctx, db, target.storedId, target.patientId, op, channel)).id;
  } else {
    if (!target.patientId) throw invalid([fieldError(paramPath('patient-reference'), 'required', 'scheduling.fhir.patient_required')]);
    const institutions = channel === 'referral' ? ctx.actor.regionInstitutions : [ctx.actor.institutionId];
    const n = await loadNumber(db, target.slotId!);
    if (!n || !institutions.includes(Number(n.institutionId))) {
      throw new AppError(404, 'not_found', 'fhir.resource_not_found', { type: 'Appointment', id: proposalId(target.slotId!, target.patientId) });
    }
    await refuseForeignNumber(db, ctx, n, channel, target.patientId);
    const view = await bookSlot(kernel, ctx, db, {
      patientId: target.patientId, sessionId: n.sessionId, slotId: n.slotId, channel, status: op === 'hold' ? 'held' : 'booked', idempotencyKey: key,
    }, idempotencyOwner(ctx)).catch((err) => { throw asFhirError(err, target.patientId, ctx.request.lang); });
    // a key names one request: sent again for another number it is a mistake, not a retry
    if (view.replayed && view.slotId !== n.slotId) throw conflict('idempotency_key_reused', 'scheduling.idempotency_key_reused');
    id = view.id;
    created = !view.replayed;
    // a retried $book whose key first made a hold confirms that hold
    if (view.replayed && op === 'book' && view.status === 'held') await holdOrConfirmStored(kernel, ctx, db, id, target.patientId, op, channel);
  }
  const row = (await readFhirAppointment(db, id))!;
  return { kind: 'searchset', resources: [toFhirAppointment(row)], total: 1, status: created ? 201 : 200, location: { type: 'Appointment', id: String(id) } };
}

const targetParams = [
  { name: 'appointment-reference', type: 'Reference', min: 0, max: '1', documentation: 'Appointment/{id} of a proposed appointment from $find (a number), or of a held (pending) one. Also accepted as appt-id.' },
  { name: 'appointment-resource', type: 'Appointment', min: 0, max: '1', documentation: 'Instead of a reference: the proposed Appointment itself (its id, else its slot), also accepted as appt-resource or as the whole body.' },
  { name: 'patient-reference', type: 'Reference', min: 0, max: '1', documentation: 'Patient/{id}, unless the appointment names the patient (a Patient participant, or $find was asked for the patient).' },
];

export function holdOperation(kernel: Kernel): FhirOperationDef {
  return {
    name: 'hold',
    definition: IHE_HOLD,
    documentation: 'IHE ITI-116 锁号: holds the proposed number for the patient until the booking rule\'s hold time passes (extension '
      + 'appointment-hold-expires); the answer is a searchset Bundle with the pending Appointment (201 and a Location when new). '
      + 'Header Idempotency-Key makes retries safe. A number taken meanwhile is a 409 OperationOutcome listing free numbers.',
    permission: 'appointment.book',
    affectsState: true,
    parameters: targetParams,
    invoke: (ctx, db, req) => holdOrBook(kernel, ctx, db, req, 'hold'),
  };
}

export function bookOperation(kernel: Kernel): FhirOperationDef {
  return {
    name: 'book',
    definition: IHE_BOOK,
    documentation: 'IHE ITI-117 预约: books exactly the proposed number, or confirms the caller\'s own pending hold; the answer is a '
      + 'searchset Bundle with the booked Appointment (201 and a Location when new, 200 for a confirmed hold or a retry with the same '
      + 'Idempotency-Key). A number taken meanwhile is a 409 OperationOutcome whose issues and contained Bundle list free numbers.',
    permission: 'appointment.book',
    affectsState: true,
    parameters: targetParams,
    invoke: (ctx, db, req) => holdOrBook(kernel, ctx, db, req, 'book'),
  };
}
