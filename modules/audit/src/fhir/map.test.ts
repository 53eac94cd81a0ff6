import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AuditDbRow } from '../query/rows.js';
import { crudeAction, eventType } from './codes.js';
import { CLIENT_SYSTEM, HASH_EXTENSION, SEQ_EXTENSION, toAuditEvent, USERNAME_SYSTEM } from './map.js';

const row = (over: Partial<AuditDbRow> = {}): AuditDbRow => ({
  id: 42, at: new Date('2026-01-05T02:03:04.005Z'), seq: 7, chain_hash: 'abc', actor_id: 3, actor_name: 'dr.li', client_id: null,
  institution_id: 2, institution_name: '示例市第一人民医院', department_id: 5, role_code: 'doctor', role_name_zh: '医生', role_name_en: 'Doctor', action: 'patient.read',
  entity_type: 'Patient', entity_id: '9', patient_id: 9, outcome: 'success', ip: '10.0.0.1', user_agent: 'UA', detail: { fields: ['idCard'] },
  ...over,
});

describe('AuditEvent.type and .action from our action codes', () => {
  test('type: patient record, authentication, export, otherwise a REST operation', () => {
    assert.equal(eventType('patient.read').code, '110110');
    assert.equal(eventType('auth.login').code, '110114');
    assert.equal(eventType('audit.export').code, '110106');
    assert.equal(eventType('patient.export').code, '110106');
    assert.deepEqual(eventType('role.update'), { system: 'http://terminology.hl7.org/CodeSystem/audit-event-type', code: 'rest', display: 'RESTful Operation' });
    assert.equal(eventType('auth.login').system, 'http://dicom.nema.org/resources/ontology/DCM');
  });

  test('action: the verb decides, compound verbs word by word, unknown verbs are E', () => {
    const cases: [string, string][] = [
      ['patient.create', 'C'], ['share.grant', 'C'], ['patient.read', 'R'], ['patient.reveal', 'R'], ['audit.export', 'R'],
      ['audit.search', 'E'], ['patient.update', 'U'], ['patient.merge', 'U'], ['staff.reset_password', 'U'],
      ['security.policy_update', 'U'], ['auth.password_change', 'U'], ['role.delete', 'D'], ['staff.unassign', 'D'],
      ['auth.login', 'E'], ['auth.logout', 'E'], ['audit.verify', 'E'], ['something.odd', 'E'],
    ];
    for (const [code, crude] of cases) assert.equal(crudeAction(code), crude, code);
  });
});

describe('one audit row as a FHIR AuditEvent', () => {
  test('a clinician reading a patient', () => {
    const e = toAuditEvent(row());
    assert.equal(e.resourceType, 'AuditEvent');
    assert.equal(e.id, '42');
    assert.equal(e.recorded, '2026-01-05T02:03:04.005Z');
    assert.equal(e.outcome, '0');
    assert.deepEqual(e.subtype, [{ system: 'urn:kangyun:audit-action', code: 'patient.read' }]);
    assert.equal(e.action, 'R');
    assert.deepEqual(e.agent, [{
      who: { reference: 'Practitioner/3', display: 'dr.li' }, requestor: true,
      role: [{ coding: [{ system: 'urn:kangyun:role', code: 'doctor' }] }], network: { address: '10.0.0.1', type: '2' },
    }]);
    assert.deepEqual(e.source, { observer: { display: 'Kangyun' }, site: '2' });
    // the patient is the entity itself: one entry carrying the patient role and the detail
    assert.equal(e.entity!.length, 1);
    assert.equal(e.entity![0].what!.reference, 'Patient/9');
    assert.equal(e.entity![0].role!.code, '1');
    assert.deepEqual(e.entity![0].detail, [{ type: 'detail', valueString: '{"fields":["idCard"]}' }]);
    assert.deepEqual(e.extension, [{ url: SEQ_EXTENSION, valueInteger: 7 }, { url: HASH_EXTENSION, valueString: 'abc' }]);
  });

  test('an entity about a patient gets a separate Patient entity', () => {
    const e = toAuditEvent(row({ action: 'encounter.update', entity_type: 'Encounter', entity_id: 'E-1', patient_id: 9 }));
    assert.deepEqual(e.entity!.map((x) => x.what?.reference), ['Encounter/E-1', 'Patient/9']);
    assert.equal(e.entity![1].role!.display, 'Patient');
    assert.equal(e.entity![1].detail, undefined);
  });

  test('a failed sign-in by an unknown name: identifier agent, failure outcome with the reason, no seq yet', () => {
    const e = toAuditEvent(row({
      actor_id: null, actor_name: 'ghost', role_code: null, action: 'auth.login', entity_type: 'Account', entity_id: null,
      patient_id: null, outcome: 'failure', seq: null, chain_hash: null, institution_id: null, detail: { reason: 'unknown_user' },
    }));
    assert.equal(e.outcome, '4');
    assert.equal(e.outcomeDesc, 'unknown_user');
    assert.deepEqual(e.agent[0].who, { identifier: { system: USERNAME_SYSTEM, value: 'ghost' }, display: 'ghost' });
    assert.equal(e.agent[0].role, undefined);
    assert.deepEqual(e.source, { observer: { display: 'Kangyun' } });
    assert.equal(e.extension, undefined);
    assert.deepEqual(e.entity, [{ name: 'Account', detail: [{ type: 'detail', valueString: '{"reason":"unknown_user"}' }] }]);
  });

  test('an integration client is identified by its client id', () => {
    const e = toAuditEvent(row({ actor_id: null, actor_name: 'demo-auditor', client_id: 'demo-auditor', role_code: 'integration', detail: {} }));
    assert.deepEqual(e.agent[0].who, { identifier: { system: CLIENT_SYSTEM, value: 'demo-auditor' }, display: 'demo-auditor' });
    assert.equal(e.entity![0].detail, undefined);
  });
});
