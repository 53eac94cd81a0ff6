import { Button, Flex, Form, Modal, Steps } from 'antd';
import { useEffect, useState } from 'react';
import { isApiError } from '@kangyun/web-shell/api';
import { applyFieldErrors } from '@kangyun/web-shell/forms';
import { useFeedback } from '@kangyun/web-shell/feedback';
import { useMessages } from '@kangyun/web-shell/i18n';
import { patientApi } from '../api';
import { patientMessages } from '../messages';
import type { Patient, PatientSummary } from '../types';
import { MergeChooseStep } from './MergeChooseStep';
import { MergeConfirmStep } from './MergeConfirmStep';

function summaryOf(p: Patient): PatientSummary {
  const { id, regionalId, mrn, name, sex, birthDate, age, idNumberMasked, mobileMasked } = p;
  return { id, regionalId, mrn, name, sex, birthDate, age, idNumberMasked, mobileMasked };
}

/** 合并档案: choose the duplicate, decide which record is kept, give a reason, confirm. */
export function MergeModal({ patient, open, onClose, onMerged }: { patient: Patient; open: boolean; onClose: () => void; onMerged: (target: Patient) => void }) {
  const m = useMessages(patientMessages);
  const [form] = Form.useForm<{ reason: string }>();
  const [step, setStep] = useState(0);
  const [other, setOther] = useState<PatientSummary>();
  const [keepCurrent, setKeepCurrent] = useState(true);
  const [saving, setSaving] = useState(false);
  const { message, fail } = useFeedback();

  useEffect(() => {
    if (open) {
      setStep(0);
      setOther(undefined);
      setKeepCurrent(true);
    }
  }, [open]);

  const current = summaryOf(patient);
  const target = keepCurrent ? current : other;
  const source = keepCurrent ? other : current;

  const submit = async ({ reason }: { reason: string }) => {
    if (!target || !source) return;
    setSaving(true);
    try {
      const kept = await patientApi.merge({ sourceId: source.id, targetId: target.id, reason: reason.trim() });
      message.success(m.merged);
      onMerged(kept);
    } catch (error) {
      const unmatched = applyFieldErrors(form, error);
      if (unmatched.length || !isApiError(error) || !error.errors?.length) fail(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={m.mergeTitle}
      width={760}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Flex justify="end" gap={8}>
          {step === 1 ? <Button onClick={() => setStep(0)}>{m.previous}</Button> : <Button onClick={onClose}>{m.cancel}</Button>}
          {step === 0 ? (
            <Button type="primary" disabled={!other} onClick={() => setStep(1)}>
              {m.next}
            </Button>
          ) : (
            <Button type="primary" danger loading={saving} onClick={() => form.submit()}>
              {m.confirmMerge}
            </Button>
          )}
        </Flex>
      }
    >
      <Steps size="small" current={step} items={[{ title: m.mergeStepChoose }, { title: m.mergeStepConfirm }]} style={{ marginBottom: 20 }} />
      {step === 0 ? <MergeChooseStep patientId={patient.id} selected={other} onSelect={setOther} /> : null}
      {step === 1 && target && source ? (
        <Form form={form} layout="vertical" onFinish={submit} preserve>
          <MergeConfirmStep target={target} source={source} currentId={patient.id} onSwap={() => setKeepCurrent((k) => !k)} />
        </Form>
      ) : null}
    </Modal>
  );
}
