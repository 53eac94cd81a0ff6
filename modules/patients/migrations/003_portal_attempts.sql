-- Failed patient-portal sign-ins (name + document number + mobile that matched no one), kept in the
-- database so every server node throttles the same way: too many failures for one document number
-- (or from one address) within the window refuse further tries for a while. Subjects are keyed
-- hashes ("doc:<type>:<blind index>") or addresses ("ip:<address>"), never a document number.
CREATE TABLE portal_signin_failure (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  subject text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX portal_signin_failure_subject ON portal_signin_failure (subject, at);
CREATE INDEX portal_signin_failure_at ON portal_signin_failure (at);
-- only the platform connection (sign-in runs before anyone is known) touches it
REVOKE ALL ON portal_signin_failure FROM kangyun_app;
