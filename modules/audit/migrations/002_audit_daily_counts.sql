-- Entries per day (China Standard Time), institution and action, for the statistics chart and the
-- retention report: counting millions of rows under row-level security on every dashboard load
-- would take seconds. The audit module's job adds sealed rows in seq order (a row sealed later
-- always has a higher seq, so the watermark never skips a row); rows past the watermark are
-- counted live, which keeps the figures exact.
CREATE TABLE audit_daily_count (
  day date NOT NULL,
  institution_id bigint,
  action text NOT NULL,
  n bigint NOT NULL,
  UNIQUE NULLS NOT DISTINCT (day, institution_id, action)
);

CREATE TABLE audit_daily_count_mark (
  id int PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  last_seq bigint NOT NULL DEFAULT 0
);
INSERT INTO audit_daily_count_mark (id) VALUES (1);

-- the same visibility as audit_event for region- and institution-scoped auditors; narrower scopes
-- cannot be answered from per-institution counts, so they see nothing here (the module counts live)
ALTER TABLE audit_daily_count ENABLE ROW LEVEL SECURITY;
CREATE POLICY audit_daily_count_read ON audit_daily_count FOR SELECT TO kangyun_app USING (
  CASE current_setting('kangyun.scope', true)
    WHEN 'region' THEN institution_id IS NULL OR institution_id = ANY (kangyun_ctx_institutions())
    WHEN 'institution' THEN institution_id = kangyun_ctx_bigint('kangyun.institution')
    ELSE false END);
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_daily_count, audit_daily_count_mark FROM kangyun_app;
