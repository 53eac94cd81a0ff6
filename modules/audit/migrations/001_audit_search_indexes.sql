-- Indexes behind the audit-log search (GET /api/audit, FHIR AuditEvent). The kernel already indexes
-- at, (actor_id, at), (patient_id, at) and (entity_type, entity_id); these cover the other filters.

-- user= : the actor's username (also what a failed login typed)
CREATE INDEX audit_event_actor_name ON audit_event (actor_name, at);
-- action= : exact codes and prefixes such as 'patient.' (LIKE 'patient.%' needs pattern ops)
CREATE INDEX audit_event_action ON audit_event (action text_pattern_ops, at);
-- institutionId= and institution-scoped auditors
CREATE INDEX audit_event_institution ON audit_event (institution_id, at);
-- outcome=failure: rare rows an auditor looks for first
CREATE INDEX audit_event_failure ON audit_event (at) WHERE outcome = 'failure';
