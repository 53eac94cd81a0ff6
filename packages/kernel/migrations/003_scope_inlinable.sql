-- 002 moved the settings into sub-selects, which stops PostgreSQL from inlining the function into
-- the policies: every row then paid a full function call (about 10x slower scans). This restores
-- an inlinable body; the region list is parsed once per query by the policies instead, which pass
-- it as an argument computed in an InitPlan.
CREATE OR REPLACE FUNCTION kangyun_in_scope(inst bigint, dept bigint, owner bigint) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT CASE current_setting('kangyun.scope', true)
    WHEN 'region' THEN inst = ANY (kangyun_ctx_institutions())
    WHEN 'institution' THEN inst = kangyun_ctx_bigint('kangyun.institution')
    WHEN 'department' THEN inst = kangyun_ctx_bigint('kangyun.institution') AND dept IS NOT DISTINCT FROM kangyun_ctx_bigint('kangyun.department')
    WHEN 'own' THEN inst = kangyun_ctx_bigint('kangyun.institution') AND owner = kangyun_ctx_bigint('kangyun.actor')
    ELSE false END
$$;

CREATE FUNCTION kangyun_in_scope(inst bigint, dept bigint, owner bigint, insts bigint[]) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT CASE current_setting('kangyun.scope', true)
    WHEN 'region' THEN inst = ANY (insts)
    WHEN 'institution' THEN inst = kangyun_ctx_bigint('kangyun.institution')
    WHEN 'department' THEN inst = kangyun_ctx_bigint('kangyun.institution') AND dept IS NOT DISTINCT FROM kangyun_ctx_bigint('kangyun.department')
    WHEN 'own' THEN inst = kangyun_ctx_bigint('kangyun.institution') AND owner = kangyun_ctx_bigint('kangyun.actor')
    ELSE false END
$$;

DROP POLICY audit_event_read ON audit_event;
CREATE POLICY audit_event_read ON audit_event FOR SELECT TO kangyun_app USING (
  kangyun_in_scope(institution_id, department_id, actor_id, (SELECT kangyun_ctx_institutions()))
  OR (institution_id IS NULL AND current_setting('kangyun.scope', true) = 'region'));
