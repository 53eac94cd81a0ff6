import type { AuditEvent, AuditEventAgent, AuditEventEntity, Extension } from '@medplum/fhirtypes';
import type { AuditDbRow } from '../query/rows.js';
import { ACTION_SYSTEM, crudeAction, ENTITY_TYPE, eventType, OBJECT_ROLE, ROLE_SYSTEM } from './codes.js';

export const SEQ_EXTENSION = 'urn:kangyun:fhir:extension:audit-chain-seq';
export const HASH_EXTENSION = 'urn:kangyun:fhir:extension:audit-chain-hash';
export const CLIENT_SYSTEM = 'urn:kangyun:oauth-client';
export const USERNAME_SYSTEM = 'urn:kangyun:username';

function agent(r: AuditDbRow): AuditEventAgent {
  const display = r.actor_name ?? undefined;
  const who = r.actor_id !== null
    ? { reference: `Practitioner/${r.actor_id}`, display }
    : r.client_id
      ? { identifier: { system: CLIENT_SYSTEM, value: r.client_id }, display }
      : r.actor_name
        ? { identifier: { system: USERNAME_SYSTEM, value: r.actor_name }, display }
        : undefined;
  return {
    who,
    requestor: true,
    ...(r.role_code ? { role: [{ coding: [{ system: ROLE_SYSTEM, code: r.role_code }] }] } : {}),
    ...(r.ip ? { network: { address: r.ip, type: '2' as const } } : {}),
  };
}

function entities(r: AuditDbRow): AuditEventEntity[] {
  const detail = Object.keys(r.detail ?? {}).length ? [{ type: 'detail', valueString: JSON.stringify(r.detail) }] : undefined;
  const patientRole = { system: OBJECT_ROLE, code: '1', display: 'Patient' };
  const patientType = { system: ENTITY_TYPE, code: '1', display: 'Person' };
  const out: AuditEventEntity[] = [];
  const isPatientItself = r.entity_type === 'Patient' && r.patient_id !== null && r.entity_id === String(r.patient_id);
  if (r.entity_type && r.entity_id) {
    out.push({
      what: { reference: `${r.entity_type}/${r.entity_id}` },
      ...(isPatientItself ? { type: patientType, role: patientRole } : {}),
      ...(detail ? { detail } : {}),
    });
  } else if (detail) {
    out.push({ ...(r.entity_type ? { name: r.entity_type } : {}), detail });
  }
  if (r.patient_id !== null && !isPatientItself) {
    out.push({ what: { reference: `Patient/${r.patient_id}` }, type: patientType, role: patientRole });
  }
  return out;
}

/** One audit_event row as a FHIR R4 AuditEvent. */
export function toAuditEvent(r: AuditDbRow): AuditEvent {
  const extension: Extension[] = [];
  if (r.seq !== null) extension.push({ url: SEQ_EXTENSION, valueInteger: r.seq });
  if (r.chain_hash) extension.push({ url: HASH_EXTENSION, valueString: r.chain_hash });
  const reason = typeof r.detail?.reason === 'string' ? r.detail.reason : undefined;
  const list = entities(r);
  return {
    resourceType: 'AuditEvent',
    id: String(r.id),
    // an entry never changes: there is only ever version 1
    meta: { versionId: '1', lastUpdated: r.at.toISOString() },
    ...(extension.length ? { extension } : {}),
    type: eventType(r.action),
    subtype: [{ system: ACTION_SYSTEM, code: r.action }],
    action: crudeAction(r.action),
    recorded: r.at.toISOString(),
    outcome: r.outcome === 'success' ? '0' : '4',
    ...(r.outcome === 'failure' && reason ? { outcomeDesc: reason } : {}),
    agent: [agent(r)],
    source: {
      observer: { display: 'Kangyun' },
      ...(r.institution_id !== null ? { site: String(r.institution_id) } : {}),
    },
    ...(list.length ? { entity: list } : {}),
  };
}
