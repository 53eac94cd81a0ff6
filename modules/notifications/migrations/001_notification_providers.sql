-- Where an institution's SMS and WeChat messages go: a gateway on the hospital network (the
-- platform runs without internet) that takes one JSON POST per message. The API key is stored
-- encrypted (kernel crypto: SM4 or AES-GCM) and never returned by the API.
CREATE TABLE notification_provider (
  institution_id bigint NOT NULL REFERENCES org_unit(id),
  channel text NOT NULL CHECK (channel IN ('sms', 'wechat')),
  url text NOT NULL CHECK (url ~ '^https?://' AND length(url) <= 1000),
  key_enc text,
  enabled boolean NOT NULL DEFAULT true,
  timeout_ms int NOT NULL DEFAULT 5000 CHECK (timeout_ms BETWEEN 500 AND 30000),
  updated_by bigint REFERENCES account(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (institution_id, channel)
);

ALTER TABLE notification_provider ENABLE ROW LEVEL SECURITY;
CREATE POLICY notification_provider_all ON notification_provider FOR ALL TO kangyun_app
  USING (institution_id = kangyun_ctx_bigint('kangyun.institution')
         OR kangyun_in_scope(institution_id, NULL, NULL, (SELECT kangyun_ctx_institutions())))
  WITH CHECK (institution_id = kangyun_ctx_bigint('kangyun.institution')
         OR kangyun_in_scope(institution_id, NULL, NULL, (SELECT kangyun_ctx_institutions())));
REVOKE DELETE, TRUNCATE ON notification_provider FROM kangyun_app;
