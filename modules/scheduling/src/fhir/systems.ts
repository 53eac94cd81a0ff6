import type { CodeableConcept } from '@medplum/fhirtypes';

/** Code systems, identifier namespaces and extensions of the scheduling FHIR resources. */

/** department codes; the same namespace the identity module's Organization and Location use */
export const ORG_CODE_SYSTEM = 'urn:kangyun:org-code';
/** 号: a number of a session, `<session id>-<seq>` */
export const NUMBER_SYSTEM = 'urn:kangyun:sched-number';
export const APPOINTMENT_ID_SYSTEM = 'urn:kangyun:appointment';
/** clinic levels (普通/专家/特需) and exam modalities */
export const SERVICE_TYPE_SYSTEM = 'urn:kangyun:sched-service-type';
export const CHANNEL_SYSTEM = 'urn:kangyun:booking-channel';

export const SEQ_EXTENSION = 'urn:kangyun:fhir:extension:sched-number-seq';
export const CHANNEL_EXTENSION = 'urn:kangyun:fhir:extension:sched-channel';
export const RESERVED_FOR_EXTENSION = 'urn:kangyun:fhir:extension:sched-reserved-for';
export const RESERVED_UNTIL_EXTENSION = 'urn:kangyun:fhir:extension:sched-reserved-until';
export const HOLD_EXPIRES_EXTENSION = 'urn:kangyun:fhir:extension:appointment-hold-expires';
export const ADD_ON_EXTENSION = 'urn:kangyun:fhir:extension:sched-add-on';

/** IHE ITI Scheduling (ITI-115/116/117) operation definitions */
export const IHE_FIND = 'https://profiles.ihe.net/ITI/Scheduling/OperationDefinition/appointment-find';
export const IHE_HOLD = 'https://profiles.ihe.net/ITI/Scheduling/OperationDefinition/appointment-hold';
export const IHE_BOOK = 'https://profiles.ihe.net/ITI/Scheduling/OperationDefinition/appointment-book';

const SERVICE_TYPES: Record<string, string> = {
  general: '普通门诊',
  expert: '专家门诊',
  special: '特需门诊',
  US: '超声检查',
  DR: 'DR 摄片',
  CT: 'CT 检查',
  MRI: '磁共振检查',
  ECG: '心电图检查',
  ENDO: '内镜检查',
};

/** a clinic level or an exam modality as a service type */
export function serviceType(code: string | null | undefined): CodeableConcept[] | undefined {
  if (!code) return undefined;
  const display = SERVICE_TYPES[code] ?? code;
  return [{ coding: [{ system: SERVICE_TYPE_SYSTEM, code, display }], text: display }];
}

/** the department as the specialty */
export function specialty(code: string | null | undefined, name: string): CodeableConcept[] {
  return [{ ...(code ? { coding: [{ system: ORG_CODE_SYSTEM, code, display: name }] } : {}), text: name }];
}
