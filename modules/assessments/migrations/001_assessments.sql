-- Completed assessments and saved drafts (QuestionnaireResponse). The answers are kept as
-- submitted, with the scale version they answered (`questionnaire` = canonical url|version) and the
-- engine's result at that time: a later version of the scale never rescored an old response.
CREATE TABLE assessment_response (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  institution_id bigint NOT NULL DEFAULT kangyun_ctx_bigint('kangyun.institution') REFERENCES org_unit(id),
  department_id bigint DEFAULT kangyun_ctx_bigint('kangyun.department') REFERENCES org_unit(id),
  patient_id bigint NOT NULL REFERENCES patient(id),
  scale_id text NOT NULL CHECK (scale_id ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
  questionnaire text NOT NULL CHECK (length(questionnaire) <= 300),
  status text NOT NULL CHECK (status IN ('in-progress', 'completed')),
  -- QuestionnaireResponse.item as submitted
  items jsonb NOT NULL,
  scores jsonb NOT NULL DEFAULT '{}',
  bands jsonb NOT NULL DEFAULT '[]',
  overrides jsonb NOT NULL DEFAULT '[]',
  authored_at timestamptz NOT NULL DEFAULT now(),
  created_by bigint DEFAULT kangyun_ctx_bigint('kangyun.actor') REFERENCES account(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version int NOT NULL DEFAULT 1
);
CREATE INDEX assessment_response_patient ON assessment_response (patient_id, authored_at DESC);
CREATE INDEX assessment_response_scale ON assessment_response (institution_id, scale_id, authored_at);

-- an assessment is part of the record: corrected by a new response, never deleted
REVOKE DELETE, TRUNCATE ON assessment_response FROM kangyun_app;
ALTER TABLE assessment_response ENABLE ROW LEVEL SECURITY;
CREATE POLICY assessment_response_read ON assessment_response FOR SELECT TO kangyun_app
  USING (kangyun_in_scope(institution_id, department_id, created_by, (SELECT kangyun_ctx_institutions())));
CREATE POLICY assessment_response_insert ON assessment_response FOR INSERT TO kangyun_app
  WITH CHECK (institution_id = kangyun_ctx_bigint('kangyun.institution'));
-- only a draft is resumed, and only where it was started
CREATE POLICY assessment_response_update ON assessment_response FOR UPDATE TO kangyun_app
  USING (status = 'in-progress' AND kangyun_in_scope(institution_id, department_id, created_by, (SELECT kangyun_ctx_institutions())))
  WITH CHECK (institution_id = kangyun_ctx_bigint('kangyun.institution'));
