import { fieldError, invalid, type FhirOperationDef, type Kernel } from '@kangyun/kernel';
import { resolveChannel } from '../booking/channel.js';
import { proposedAppointment } from './appointment-map.js';
import { findNumbers } from './find.js';
import { findQuery, MAX_WINDOW_DAYS, paramPath } from './find-params.js';
import { IHE_FIND, ORG_CODE_SYSTEM, SERVICE_TYPE_SYSTEM } from './systems.js';

/**
 * IHE ITI-115 $find: one proposed Appointment per number the caller's channel may book now, so that
 * $hold/$book of a proposal claims exactly that number. Paged with _count/_offset.
 */
export function findOperation(kernel: Kernel): FhirOperationDef {
  return {
    name: 'find',
    definition: IHE_FIND,
    documentation: 'IHE ITI-115 查号: every number (号) the caller\'s booking channel may book now within start–end, as proposed '
      + 'Appointments (id slot-{n}, slot Slot/{n}, start/end of the number\'s time segment), ordered by start and paged with _count '
      + '(next link). Shared numbers and the channel\'s own quota; numbers reserved for follow-ups or referrals only once released; '
      + 'only sessions open for booking (rolling release to cut-off). Repeated inputs of one kind are alternatives (OR), different '
      + 'kinds combine (AND). Timed exam pools are booked through /api (exam booking), not here.',
    permission: 'schedule.read',
    affectsState: false,
    parameters: [
      { name: 'start', type: 'dateTime', min: 0, max: '1', documentation: 'window start (default now); a date or a time without zone is hospital local time' },
      { name: 'end', type: 'dateTime', min: 0, max: '1', documentation: `window end (default start + 14 days, at most ${MAX_WINDOW_DAYS} days); a date means the end of that day` },
      { name: 'specialty', type: 'token', min: 0, max: '*', documentation: `department code, ${ORG_CODE_SYSTEM}|H001-CAR` },
      { name: 'service-type', type: 'token', min: 0, max: '*', documentation: `clinic level ${SERVICE_TYPE_SYSTEM}|general|expert|special; also accepted as visit-type` },
      { name: 'practitioner', type: 'Reference', min: 0, max: '*', documentation: 'Practitioner/{id}: the doctor who sees the patients' },
      { name: 'location-reference', type: 'Reference', min: 0, max: '*', documentation: 'Location/{id}: the department; also accepted as location' },
      { name: 'organization', type: 'Reference', min: 0, max: '*', documentation: 'Organization/{id}: the institution' },
      { name: 'schedule', type: 'Reference', min: 0, max: '*', documentation: 'Schedule/{id}: one bookable resource' },
      { name: 'patient-reference', type: 'Reference', min: 0, max: '1', documentation: 'Patient/{id} (also patient): leaves out departments the patient may not book (sex, age) and puts the patient in the proposals' },
      { name: 'channel', type: 'code', min: 0, max: '1', documentation: 'staff only: window | phone | doctor | referral (default window); integration clients always use the channel they are bound to' },
      { name: '_count', type: 'integer', min: 0, max: '1', documentation: 'page size (default 20, at most 200)' },
    ],
    // each filter shape of the search is planned once per connection (find.ts)
    scope: { genericPlans: true },
    async invoke(ctx, db, req) {
      const q = findQuery(req);
      // an integration client is bound to its channel: asking for another is refused (403)
      // on the operation's own connection: a second pool checkout per request only adds to the tail
      const channel = await resolveChannel(db, ctx, q.channel);
      if (q.patientId) {
        const { rows } = await db.query('SELECT 1 FROM sched_patient_facts($1::bigint)', [q.patientId]);
        if (!rows[0]) throw invalid([fieldError(paramPath('patient-reference'), 'unknown', 'scheduling.patient_unknown')]);
      }
      const { numbers, total } = await findNumbers(db, ctx, q, channel, req.count, req.offset);
      return { kind: 'searchset', resources: numbers.map((n) => proposedAppointment(n, q.patientId)), total, params: q.applied };
    },
  };
}
