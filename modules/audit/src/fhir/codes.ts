import type { AuditEvent, Coding } from '@medplum/fhirtypes';

export const DCM = 'http://dicom.nema.org/resources/ontology/DCM';
export const AUDIT_EVENT_TYPE = 'http://terminology.hl7.org/CodeSystem/audit-event-type';
export const ACTION_SYSTEM = 'urn:kangyun:audit-action';
export const ROLE_SYSTEM = 'urn:kangyun:role';
export const OBJECT_ROLE = 'http://terminology.hl7.org/CodeSystem/object-role';
export const ENTITY_TYPE = 'http://terminology.hl7.org/CodeSystem/audit-entity-type';

/** AuditEvent.type from our dotted action code */
export function eventType(action: string): Coding {
  if (action.endsWith('.export')) return { system: DCM, code: '110106', display: 'Export' };
  if (action.startsWith('patient.')) return { system: DCM, code: '110110', display: 'Patient Record' };
  if (action.startsWith('auth.')) return { system: DCM, code: '110114', display: 'User Authentication' };
  return { system: AUDIT_EVENT_TYPE, code: 'rest', display: 'RESTful Operation' };
}

type Crude = NonNullable<AuditEvent['action']>;

// reads of data are R; queries are E (as IHE BALP does); sign-ins and other operations are E
const VERBS: Record<string, Crude> = {
  create: 'C', register: 'C', add: 'C', grant: 'C', assign: 'C', import: 'C',
  read: 'R', view: 'R', reveal: 'R', export: 'R', print: 'R', download: 'R',
  search: 'E', query: 'E', list: 'E', stats: 'E',
  update: 'U', merge: 'U', change: 'U', edit: 'U', enable: 'U', disable: 'U', unlock: 'U', reset: 'U', set: 'U',
  delete: 'D', remove: 'D', revoke: 'D', unassign: 'D',
  login: 'E', logout: 'E', lockout: 'E', switch: 'E', token: 'E', verify: 'E',
};

/**
 * AuditEvent.action (C/R/U/D/E) from the verb after the last dot; compound verbs such as
 * `reset_password` or `policy_update` are read word by word, the last known word winning.
 */
export function crudeAction(action: string): Crude {
  const verb = action.slice(action.lastIndexOf('.') + 1);
  const words = verb.split('_').reverse();
  for (const w of [verb, ...words]) {
    const found = VERBS[w];
    if (found) return found;
  }
  return 'E';
}
