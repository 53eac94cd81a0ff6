import type { Appointment, Resource } from '@medplum/fhirtypes';
import { AppError, fieldError, invalid, referenceIds, type FhirOperationRequest } from '@kangyun/kernel';
import { paramPath } from './find-params.js';
import { parseProposalId } from './proposal-id.js';
import { numericIds } from './search-sql.js';

/** which number a $hold/$book is about: a proposal from $find (a number) or a stored (held) appointment */
export interface BookingTarget {
  slotId: number | null;
  storedId: number | null;
  patientId: number | null;
}

/** IHE ITI-116/117 name the input appointment-reference; Argonaut and earlier IHE drafts appt-id / appt-resource */
const REFERENCE_INPUTS = ['appointment-reference', 'appt-id', 'appointment'];
const RESOURCE_INPUTS = ['appointment-resource', 'appt-resource', 'appointment'];
const PATIENT_INPUTS = ['patient-reference', 'patient'];

function appointmentResource(body: Resource | null): Appointment | null {
  if (!body) return null;
  if (body.resourceType === 'Appointment') return body;
  if (body.resourceType !== 'Parameters') return null;
  const found = body.parameter?.find((p) => RESOURCE_INPUTS.includes(p.name ?? '') && p.resource?.resourceType === 'Appointment');
  return (found?.resource as Appointment | undefined) ?? null;
}

const notFound = (id: string) => new AppError(404, 'not_found', 'fhir.resource_not_found', { type: 'Appointment', id });

/**
 * The number and patient of a $hold/$book: from a reference to a proposed (or held) Appointment,
 * or from an Appointment resource (its id, else its slot), and the patient from patient-reference,
 * the resource's Patient participant or the proposal (when $find was asked for a patient). Sources
 * that disagree are refused rather than guessed between.
 */
export function bookingTarget(req: FhirOperationRequest): BookingTarget {
  let id: string | null = null;
  const reference = req.params.find(([k]) => REFERENCE_INPUTS.includes(k));
  if (reference) {
    id = referenceIds(reference[1], 'Appointment')[0] ?? null;
    if (!id) throw invalid([fieldError(paramPath(reference[0]), 'invalid', 'scheduling.fhir.appointment_required')]);
  }
  const resource = appointmentResource(req.body);
  if (!id && resource?.id) id = resource.id;
  let slotId: number | null = null;
  let storedId: number | null = null;
  const patients = new Set<number>();
  if (id) {
    const proposal = parseProposalId(id);
    if (proposal) {
      slotId = proposal.slotId;
      if (proposal.patientId) patients.add(proposal.patientId);
    } else if (/^\d{1,15}$/.test(id)) storedId = Number(id);
    else throw notFound(id);
  } else if (resource?.slot?.[0]?.reference) {
    slotId = numericIds(resource.slot[0].reference, 'Slot')[0] ?? null;
  }
  if (!slotId && !storedId) throw invalid([fieldError(paramPath('appointment-reference'), 'required', 'scheduling.fhir.appointment_required')]);
  for (const [k, v] of req.params) {
    if (!PATIENT_INPUTS.includes(k)) continue;
    const ids = numericIds(v, 'Patient');
    if (!ids.length) throw invalid([fieldError(paramPath(k), 'invalid', 'scheduling.fhir.patient_reference')]);
    ids.forEach((p) => patients.add(p));
  }
  for (const p of resource?.participant ?? []) {
    if (p.actor?.reference && /(^|\/)Patient\//.test(p.actor.reference)) numericIds(p.actor.reference, 'Patient').forEach((x) => patients.add(x));
  }
  if (patients.size > 1) throw invalid([fieldError('Appointment.participant.actor', 'mismatch', 'scheduling.fhir.patient_mismatch')]);
  return { slotId, storedId, patientId: [...patients][0] ?? null };
}

/** the client's retry key (RFC draft "Idempotency-Key"), as /api takes it */
export function idempotencyKeyOf(headers: FhirOperationRequest['headers']): string | null {
  const key = headers['idempotency-key']?.trim();
  if (!key) return null;
  if (key.length > 100) throw invalid([fieldError('http.Idempotency-Key', 'too_long', 'scheduling.fhir.idempotency_key')]);
  return key;
}
