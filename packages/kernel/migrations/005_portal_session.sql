-- Patient portal sessions (patients and families on their phones). A patient proves who they are
-- to a module (the patient index checks name, document number and mobile); the kernel keeps only
-- the hash of the session token. patient_id has no foreign key: the patient table is a module's.
CREATE TABLE portal_session (
  token_hash text PRIMARY KEY,
  patient_id bigint NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  ip text,
  user_agent text
);
CREATE INDEX portal_session_patient ON portal_session (patient_id) WHERE revoked_at IS NULL;
REVOKE ALL ON portal_session FROM kangyun_app;
