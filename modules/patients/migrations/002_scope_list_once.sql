-- Region-scope reads parse the caller's institution list once per query (an InitPlan passed to the
-- inlinable four-argument kangyun_in_scope from kernel migration 003), not once per row.
DROP POLICY patient_record_read ON patient_record;
CREATE POLICY patient_record_read ON patient_record FOR SELECT TO kangyun_app
  USING (kangyun_in_scope(institution_id, department_id, created_by, (SELECT kangyun_ctx_institutions()))
         OR kangyun_shared_with_me(institution_id, patient_id));
