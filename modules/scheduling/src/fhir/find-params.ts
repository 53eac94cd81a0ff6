import { fieldError, invalid, orValues, tokenCodes, type FhirOperationRequest } from '@kangyun/kernel';
import { CHANNELS, type Channel } from '../constants.js';
import { dateRange, numericIds } from './search-sql.js';
import { ORG_CODE_SYSTEM, SERVICE_TYPE_SYSTEM } from './systems.js';

/** the FHIRPath of an operation input, for error messages */
export const paramPath = (name: string) => `Parameters.parameter.where(name='${name}')`;

/** how far ahead one $find may look; numbers open at most 90 days ahead (booking rule days_ahead) */
export const MAX_WINDOW_DAYS = 92;
const DEFAULT_WINDOW_DAYS = 14;
const DAY = 86_400_000;

export interface FindQuery {
  from: Date;
  to: Date;
  /** null: no filter of that kind; the lists are OR (IHE: repeats are alternatives in order of preference) */
  practitioners: number[] | null;
  organizations: number[] | null;
  locations: number[] | null;
  schedules: number[] | null;
  specialties: string[] | 'all' | null;
  serviceTypes: string[] | 'all' | null;
  patientId: number | null;
  channel: Channel | undefined;
  /** the inputs that shaped the answer, for the Bundle's paging links (GET-repeatable) */
  applied: [string, string][];
}

/** a start or end input as the instants it covers; a malformed one is a 422 naming it */
function instantOf(name: string, raw: string): { from: Date; to: Date } {
  if (/^[a-z]{2}\d/.test(raw)) throw invalid([fieldError(paramPath(name), 'invalid_date', 'fhir.search.invalid_date', { value: raw })]);
  try {
    return dateRange(raw);
  } catch {
    throw invalid([fieldError(paramPath(name), 'invalid_date', 'fhir.search.invalid_date', { value: raw })]);
  }
}

/**
 * $find inputs: IHE ITI-115 names (start, end, specialty, visit-type, practitioner, organization,
 * location-reference, patient-reference) and the plain names FHIR search uses for the same things
 * (service-type, location, patient, schedule). Unknown inputs are ignored, as in search.
 */
export function findQuery(req: FhirOperationRequest, now = new Date()): FindQuery {
  const applied: [string, string][] = [];
  const take = (names: string[]) => {
    const found: string[] = [];
    for (const [k, v] of req.params) {
      if (!names.includes(k)) continue;
      found.push(...orValues(v));
      applied.push([k, v]);
    }
    return found.length ? found : null;
  };
  const one = (name: string) => {
    const all = req.params.filter(([k]) => k === name);
    if (all.length > 1) throw invalid([fieldError(paramPath(name), 'repeated', 'scheduling.fhir.param_once', { name })]);
    if (all[0]) applied.push(all[0]);
    return all[0]?.[1] ?? null;
  };
  const startRaw = one('start');
  const endRaw = one('end');
  const from = startRaw ? instantOf('start', startRaw).from : now;
  // "now" is pinned in the paging links, so that later pages continue the same window
  if (!startRaw) applied.unshift(['start', from.toISOString()]);
  let to = endRaw ? instantOf('end', endRaw).to : new Date(from.getTime() + DEFAULT_WINDOW_DAYS * DAY);
  if (to <= from) throw invalid([fieldError(paramPath('end'), 'before_start', 'scheduling.fhir.end_before_start')]);
  if (to.getTime() - from.getTime() > MAX_WINDOW_DAYS * DAY) to = new Date(from.getTime() + MAX_WINDOW_DAYS * DAY);

  const refs = (names: string[], type: string) => {
    const list = take(names);
    return list ? list.flatMap((v) => numericIds(v, type)) : null;
  };
  const tokens = (names: string[], system: string): string[] | 'all' | null => {
    const list = take(names);
    if (!list) return null;
    const codes: string[] = [];
    for (const v of list) {
      const c = tokenCodes(v, system);
      if (c === 'all') return 'all';
      codes.push(...c);
    }
    return codes;
  };
  const patients = refs(['patient', 'patient-reference'], 'Patient');
  if (patients && patients.length !== 1) {
    throw invalid([fieldError(paramPath('patient-reference'), patients.length ? 'group' : 'invalid', patients.length ? 'scheduling.fhir.one_patient' : 'scheduling.fhir.patient_reference')]);
  }
  const channelRaw = one('channel');
  if (channelRaw !== null && !(CHANNELS as readonly string[]).includes(channelRaw)) {
    throw invalid([fieldError(paramPath('channel'), 'invalid', 'scheduling.fhir.channel_unknown', { channel: channelRaw })]);
  }
  return {
    from,
    to,
    practitioners: refs(['practitioner'], 'Practitioner'),
    organizations: refs(['organization'], 'Organization'),
    locations: refs(['location', 'location-reference'], 'Location'),
    schedules: refs(['schedule'], 'Schedule'),
    specialties: tokens(['specialty'], ORG_CODE_SYSTEM),
    serviceTypes: tokens(['service-type', 'visit-type'], SERVICE_TYPE_SYSTEM),
    patientId: patients?.[0] ?? null,
    channel: (channelRaw as Channel | null) ?? undefined,
    applied,
  };
}
