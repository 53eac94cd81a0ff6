-- The caller's institution list is a transaction setting; parsing it once per query (an initplan)
-- instead of once per row keeps region-scope scans over large tables cheap.
CREATE OR REPLACE FUNCTION kangyun_in_scope(inst bigint, dept bigint, owner bigint) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT CASE current_setting('kangyun.scope', true)
    WHEN 'region' THEN inst = ANY ((SELECT kangyun_ctx_institutions())::bigint[])
    WHEN 'institution' THEN inst = (SELECT kangyun_ctx_bigint('kangyun.institution'))
    WHEN 'department' THEN inst = (SELECT kangyun_ctx_bigint('kangyun.institution')) AND dept IS NOT DISTINCT FROM (SELECT kangyun_ctx_bigint('kangyun.department'))
    WHEN 'own' THEN inst = (SELECT kangyun_ctx_bigint('kangyun.institution')) AND owner = (SELECT kangyun_ctx_bigint('kangyun.actor'))
    ELSE false END
$$;
