import { Form } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { isApiError } from '@kangyun/web-shell/api';
import { PageHeader } from '@kangyun/web-shell/components/PageHeader';
import { applyFieldErrors } from '@kangyun/web-shell/forms';
import { useFeedback } from '@kangyun/web-shell/feedback';
import { useMessages } from '@kangyun/web-shell/i18n';
import { patientApi } from '../api';
import { DuplicateModal } from '../form/DuplicateModal';
import { toInput, type PatientFormValues } from '../form/formValues';
import { PatientForm } from '../form/PatientForm';
import { patientMessages } from '../messages';
import type { DuplicateCandidate, PatientInput } from '../types';

export default function RegisterPatientPage() {
  const m = useMessages(patientMessages);
  const [form] = Form.useForm<PatientFormValues>();
  const navigate = useNavigate();
  const { message, fail } = useFeedback();
  const [saving, setSaving] = useState(false);
  const [pending, setPending] = useState<PatientInput | null>(null);
  const [candidates, setCandidates] = useState<DuplicateCandidate[] | null>(null);

  const register = async (input: PatientInput, force = false) => {
    setSaving(true);
    try {
      const created = await patientApi.create(force ? { ...input, force: true } : input);
      message.success(m.registered(input.name));
      setCandidates(null);
      navigate(`/patients/${encodeURIComponent(created.id)}`, { replace: true });
    } catch (error) {
      if (isApiError(error) && error.status === 409 && error.code === 'duplicate_patient') {
        setPending(input);
        setCandidates(Array.isArray(error.body.candidates) ? (error.body.candidates as DuplicateCandidate[]) : []);
      } else {
        setCandidates(null);
        const unmatched = applyFieldErrors(form, error);
        if (unmatched.length || !isApiError(error) || !error.errors?.length) fail(error);
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <PageHeader title={m.registerTitle} subtitle={m.registerSubtitle} />
      <PatientForm form={form} submitting={saving} submitText={m.submitRegister} onSubmit={(values) => void register(toInput(values))} onCancel={() => navigate(-1)} />
      <DuplicateModal
        candidates={candidates}
        forcing={saving}
        onOpen={(id) => navigate(`/patients/${encodeURIComponent(id)}`)}
        onForce={() => pending && void register(pending, true)}
        onClose={() => setCandidates(null)}
      />
    </>
  );
}
