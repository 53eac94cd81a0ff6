import { Alert, Button, Form, Result, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '@kangyun/web-shell/api';
import { PageHeader } from '@kangyun/web-shell/components/PageHeader';
import { ProblemAlert } from '@kangyun/web-shell/components/ProblemAlert';
import { applyFieldErrors } from '@kangyun/web-shell/forms';
import { useFeedback } from '@kangyun/web-shell/feedback';
import { useRequest } from '@kangyun/web-shell/hooks/useRequest';
import { useMessages } from '@kangyun/web-shell/i18n';
import { useCan } from '@kangyun/web-shell/session';
import { patientApi } from '../api';
import { fromPatient, toInput, type PatientFormValues } from '../form/formValues';
import { PatientForm } from '../form/PatientForm';
import { patientMessages } from '../messages';

/**
 * Editing needs the unmasked values, so the form is filled from the reveal endpoint
 * (which needs patient.reveal and is audited). PUT carries the version it was read at.
 */
export default function EditPatientPage() {
  const m = useMessages(patientMessages);
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const can = useCan();
  const [form] = Form.useForm<PatientFormValues>();
  const { message, modal, fail } = useFeedback();
  const [saving, setSaving] = useState(false);
  const canReveal = can('patient.reveal');
  const patient = useRequest(() => patientApi.reveal(id), [id], { enabled: canReveal });
  const back = () => navigate(`/patients/${encodeURIComponent(id)}`);

  // After a reload (e.g. on a version conflict) replace whatever was typed with the latest record.
  useEffect(() => {
    if (patient.data) form.setFieldsValue(fromPatient(patient.data));
  }, [patient.data, form]);

  if (!canReveal) {
    return <Result status="403" title={m.editTitle} subTitle={m.editNeedsReveal} extra={<Button onClick={back}>{m.cancel}</Button>} />;
  }

  const save = async (values: PatientFormValues) => {
    if (!patient.data) return;
    setSaving(true);
    try {
      await patientApi.update(id, { ...toInput(values), version: patient.data.version });
      message.success(m.saved);
      back();
    } catch (error) {
      if (isApiError(error) && error.status === 409 && error.code === 'version_conflict') {
        modal.warning({
          title: m.versionConflictTitle,
          content: m.versionConflictHint,
          okText: m.reload,
          onOk: () => patient.reload(),
        });
      } else {
        const unmatched = applyFieldErrors(form, error);
        if (unmatched.length || !isApiError(error) || !error.errors?.length) fail(error);
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <PageHeader title={m.editTitle} subtitle={patient.data ? `${patient.data.name} · ${m.mrn} ${patient.data.mrn}` : undefined} />
      <ProblemAlert error={patient.error} onRetry={patient.reload} />
      {patient.data?.status === 'merged' ? <Alert type="warning" showIcon title={m.mergedNotice} style={{ marginBottom: 16 }} /> : null}
      {patient.loading ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : patient.data ? (
        <PatientForm
          key={`${patient.data.id}:${patient.data.version}`}
          form={form}
          initialValues={fromPatient(patient.data)}
          submitting={saving}
          submitText={m.submitEdit}
          onSubmit={(values) => void save(values)}
          onCancel={back}
        />
      ) : null}
    </>
  );
}
