-- Notification outbox: modules queue messages (appointment confirmations, reminders, notices) in
-- the same transaction as the change they announce; a delivery job (the notifications module)
-- sends them later, so no request ever waits on an SMS or WeChat gateway. One row per channel:
-- the in-app message always, plus one row per extra channel asked for.
CREATE TABLE notification_outbox (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  institution_id bigint NOT NULL REFERENCES org_unit(id),
  recipient_kind text NOT NULL CHECK (recipient_kind IN ('patient', 'staff')),
  -- no foreign key: the patient table belongs to a module
  patient_id bigint,
  account_id bigint REFERENCES account(id),
  channel text NOT NULL CHECK (channel IN ('inapp', 'sms', 'wechat')),
  kind text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$' AND length(kind) <= 100),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
  link text CHECK (length(link) <= 1000),
  params jsonb NOT NULL DEFAULT '{}',
  -- destination (mobile number, WeChat openid) encrypted by the caller with kernel.crypto.encryptField
  to_enc text,
  -- pending → sent | failed (needs staff action: no provider, no address) | dead (gave up after retries) | cancelled
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'dead', 'cancelled')),
  attempts int NOT NULL DEFAULT 0,
  -- when the row is next due; while a worker holds a claim, the end of that claim
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_error text,
  provider_ref text,
  -- lets a job enqueue idempotently (ON CONFLICT DO NOTHING); one message fans out to one row per channel
  dedupe_key text CHECK (length(dedupe_key) <= 200),
  read_at timestamptz,
  -- the account whose request queued the message (null for background jobs)
  created_by bigint DEFAULT kangyun_ctx_bigint('kangyun.actor'),
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  CHECK ((recipient_kind = 'patient') = (patient_id IS NOT NULL)),
  CHECK ((recipient_kind = 'staff') = (account_id IS NOT NULL)),
  CHECK (read_at IS NULL OR channel = 'inapp'),
  UNIQUE (dedupe_key, channel)
);
-- the delivery job: due rows per channel
CREATE INDEX notification_outbox_due ON notification_outbox (channel, next_attempt_at) WHERE status = 'pending';
CREATE INDEX notification_outbox_patient ON notification_outbox (patient_id, created_at DESC) WHERE patient_id IS NOT NULL;
CREATE INDEX notification_outbox_account ON notification_outbox (account_id, created_at DESC) WHERE account_id IS NOT NULL;
CREATE INDEX notification_outbox_institution ON notification_outbox (institution_id, created_at DESC);

ALTER TABLE notification_outbox ENABLE ROW LEVEL SECURITY;
-- staff see their institution's messages within their data scope, and always the messages addressed to themselves
CREATE POLICY notification_outbox_read ON notification_outbox FOR SELECT TO kangyun_app USING (
  kangyun_in_scope(institution_id, NULL, created_by, (SELECT kangyun_ctx_institutions()))
  OR account_id = kangyun_ctx_bigint('kangyun.actor'));
-- a request may always queue messages of its current institution (whatever its data scope)
CREATE POLICY notification_outbox_insert ON notification_outbox FOR INSERT TO kangyun_app WITH CHECK (
  institution_id = kangyun_ctx_bigint('kangyun.institution')
  OR kangyun_in_scope(institution_id, NULL, NULL, (SELECT kangyun_ctx_institutions())));
-- retry and mark as read: the rows the caller sees
CREATE POLICY notification_outbox_update ON notification_outbox FOR UPDATE TO kangyun_app
  USING (kangyun_in_scope(institution_id, NULL, created_by, (SELECT kangyun_ctx_institutions()))
         OR account_id = kangyun_ctx_bigint('kangyun.actor'))
  WITH CHECK (kangyun_in_scope(institution_id, NULL, created_by, (SELECT kangyun_ctx_institutions()))
         OR account_id = kangyun_ctx_bigint('kangyun.actor'));
-- requests change only the delivery state and the read mark; the message itself and its history stay
REVOKE UPDATE, DELETE, TRUNCATE ON notification_outbox FROM kangyun_app;
GRANT SELECT, INSERT ON notification_outbox TO kangyun_app;
GRANT UPDATE (status, attempts, next_attempt_at, last_error, read_at) ON notification_outbox TO kangyun_app;

-- Cancelling follows queuing: a request may cancel the pending messages it could have queued (its
-- current institution's, or its scope's), whatever it may read. Without a request context (a
-- background job on the owner connection) every pending row with the keys is cancelled.
CREATE FUNCTION notification_cancel(p_keys text[]) RETURNS int
  LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
  WITH done AS (
    UPDATE notification_outbox SET status = 'cancelled', next_attempt_at = now()
    WHERE dedupe_key = ANY (p_keys) AND status = 'pending'
      AND (coalesce(current_setting('kangyun.scope', true), '') = ''
           OR institution_id = kangyun_ctx_bigint('kangyun.institution')
           OR kangyun_in_scope(institution_id, NULL, NULL, kangyun_ctx_institutions()))
    RETURNING 1)
  SELECT count(*)::int FROM done
$$;
REVOKE ALL ON FUNCTION notification_cancel(text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION notification_cancel(text[]) TO kangyun_app;
