import type { Bundle, OperationOutcomeIssue } from '@medplum/fhirtypes';
import { AppError, t, withFhirOutcome, type Lang } from '@kangyun/kernel';
import type { BookingOption } from '../booking/types.js';
import { proposedAppointment } from './appointment-map.js';
import { proposalId } from './proposal-id.js';

const localTime = (iso: string) => new Date(iso).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false });

/**
 * A refusal because the number is gone, with what the caller can book instead: one information
 * issue per option (readable as it is) and the same options as proposed Appointments in a
 * contained Bundle, whose ids $hold/$book take directly.
 */
export function withAlternatives(err: AppError, options: BookingOption[], patientId: number | null, lang: Lang): AppError {
  const issues: OperationOutcomeIssue[] = options.filter((o) => o.slotId).map((o) => {
    const text = t('scheduling.fhir.option', lang, {
      date: o.serviceDate, start: localTime(o.startsAt), end: localTime(o.endsAt), resource: o.resourceName, seq: o.seq ?? '',
      reference: `Appointment/${proposalId(o.slotId!, patientId)}`,
    });
    return { severity: 'information', code: 'informational', details: { text }, diagnostics: text };
  });
  if (!issues.length) {
    const text = t('scheduling.fhir.no_options', lang);
    issues.push({ severity: 'information', code: 'informational', details: { text }, diagnostics: text });
  }
  const proposals = options.filter((o) => o.slotId).map((o) => proposedAppointment({
    slotId: o.slotId!, sessionId: o.sessionId, seq: o.seq ?? 0, startsAt: o.startsAt, endsAt: o.endsAt, serviceDate: o.serviceDate,
    resourceName: o.resourceName, departmentName: o.departmentName, practitionerName: o.practitionerName,
  }, patientId));
  const bundle: Bundle = {
    resourceType: 'Bundle', id: 'alternatives', type: 'searchset', total: proposals.length,
    entry: proposals.map((resource) => ({ resource, search: { mode: 'match' } })),
  };
  return withFhirOutcome(err, { issues, contained: [bundle] });
}
