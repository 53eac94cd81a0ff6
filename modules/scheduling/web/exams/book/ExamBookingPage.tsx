import { Alert, Button, Card, Col, DatePicker, Empty, Flex, List, Radio, Row, Space, Typography } from 'antd';
import { CheckOutlined, PrinterOutlined, ThunderboltOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ProblemAlert } from '@kangyun/web-shell/components/ProblemAlert';
import { PageHeader } from '@kangyun/web-shell/components/PageHeader';
import { isApiError, type ApiError } from '@kangyun/web-shell/api';
import { useFeedback } from '@kangyun/web-shell/feedback';
import { useRequest } from '@kangyun/web-shell/hooks/useRequest';
import { useMessages } from '@kangyun/web-shell/i18n';
import { examsApi } from '../api';
import { hhmm, todayLocal } from '../format';
import { examMessages } from '../messages';
import type { ExamAppointment, PatientClass, PatientSummary, PlanProposal } from '../types';
import { ExamSlipModal } from './ExamSlip';
import { ItemChecklist } from './ItemChecklist';
import { PatientSelect } from './PatientSelect';
import { PlanView } from './PlanView';

/**
 * 检查预约 for an order set: choose the patient and the exams, let the server propose a plan that
 * satisfies the rules library (with the alternatives it rejected and why), book it in one step and
 * print the slip with the check-in QR code and the preparation instructions.
 */
export default function ExamBookingPage() {
  const m = useMessages(examMessages);
  const { message } = useFeedback();
  const [patient, setPatient] = useState<PatientSummary | null>(null);
  const [selected, setSelected] = useState<number[]>([]);
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs(todayLocal()), dayjs(todayLocal(13))]);
  const [patientClass, setPatientClass] = useState<PatientClass>('outpatient');
  const [plan, setPlan] = useState<PlanProposal | null>(null);
  const [busy, setBusy] = useState<'propose' | 'book' | null>(null);
  const [error, setError] = useState<ApiError>();
  const [slip, setSlip] = useState<ExamAppointment[] | null>(null);
  const [planKey, setPlanKey] = useState('');
  const items = useRequest((signal) => examsApi.items({}, signal), []);
  const existing = useRequest((signal) => examsApi.patientExams(patient!.id, signal), [patient?.id], { enabled: !!patient });

  const choosePatient = (p: PatientSummary | null) => {
    setPatient(p);
    setPlan(null);
    setError(undefined);
  };

  const propose = async () => {
    if (!patient || !selected.length) return;
    setBusy('propose');
    setError(undefined);
    setPlan(null);
    try {
      const result = await examsApi.propose({
        patientId: patient.id, examItemIds: selected, patientClass,
        from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD'),
      });
      setPlan(result);
      // one key per proposal: a double click or a retry books the plan once
      setPlanKey(`exam-plan-${patient.id}-${Date.now()}`);
    } catch (err) {
      setError(isApiError(err) ? err : undefined);
    } finally {
      setBusy(null);
    }
  };

  const book = async () => {
    if (!patient || !plan) return;
    setBusy('book');
    setError(undefined);
    try {
      const res = await examsApi.bookPlan({
        patientId: patient.id, patientClass, idempotencyKey: planKey,
        visits: plan.visits.map((v) => ({ examItemIds: v.examItemIds, sessionId: v.sessionId, startsAt: v.startsAt })),
      });
      message.success(m.booked(res.appointments.length));
      setPlan(null);
      setSelected([]);
      setSlip(res.appointments);
      existing.reload();
    } catch (err) {
      setError(isApiError(err) ? err : undefined);
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <PageHeader title={m.bookTitle} subtitle={m.bookSubtitle} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Flex vertical gap={16}>
            <PatientSelect patient={patient} onSelect={choosePatient} />
            {patient ? (
              <Card size="small" variant="borderless" title={m.existing}
                extra={existing.data?.items.length ? <Button size="small" icon={<PrinterOutlined />} onClick={() => setSlip(existing.data!.items.filter((a) => a.status === 'booked'))}>{m.printSlip}</Button> : null}>
                <ProblemAlert error={existing.error} />
                {existing.data?.items.length ? (
                  <List size="small" dataSource={existing.data.items} data-testid="exam-existing"
                    renderItem={(a) => (
                      <List.Item>
                        <Typography.Text delete={a.status === 'cancelled'}>
                          {a.serviceDate} {hhmm(a.startsAt)} {a.examItems.map((i) => i.name).join('、')}
                        </Typography.Text>
                      </List.Item>
                    )} />
                ) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m.noExisting} />}
              </Card>
            ) : null}
          </Flex>
        </Col>
        <Col xs={24} lg={16}>
          <Flex vertical gap={16}>
            <Card size="small" variant="borderless" title={m.examItems}>
              <ProblemAlert error={items.error} onRetry={items.reload} />
              <ItemChecklist items={items.data?.items ?? []} value={selected} onChange={(ids) => { setSelected(ids); setPlan(null); }} />
              <Flex gap={16} wrap align="center" style={{ marginTop: 16 }}>
                <Space>
                  <Typography.Text>{m.dateRange}</Typography.Text>
                  <DatePicker.RangePicker value={range} allowClear={false} disabledDate={(d) => d.isBefore(dayjs(todayLocal()), 'day')}
                    onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} />
                </Space>
                <Radio.Group optionType="button" value={patientClass} onChange={(e) => setPatientClass(e.target.value)}
                  options={(['outpatient', 'inpatient'] as PatientClass[]).map((c) => ({ value: c, label: m.patientClass[c] }))} />
                <Button type="primary" icon={<ThunderboltOutlined />} loading={busy === 'propose'} disabled={!patient || !selected.length}
                  onClick={() => void propose()} data-testid="exam-propose">{m.propose}</Button>
                {!patient ? <Typography.Text type="secondary">{m.selectPatient}</Typography.Text>
                  : !selected.length ? <Typography.Text type="secondary">{m.selectItems}</Typography.Text> : null}
              </Flex>
            </Card>
            {error ? (
              <Alert type="error" showIcon title={error.title}
                description={error.errors?.length ? error.errors.map((e) => e.message).join('；') : error.code === 'plan_unavailable' ? m.planFailed : undefined} />
            ) : null}
            {plan ? (
              <Card size="small" variant="borderless" title={m.plan}
                extra={<Button type="primary" icon={<CheckOutlined />} loading={busy === 'book'} disabled={!plan.visits.length}
                  onClick={() => void book()} data-testid="exam-book">{m.book}</Button>}>
                <PlanView plan={plan} />
              </Card>
            ) : null}
          </Flex>
        </Col>
      </Row>
      <ExamSlipModal appointments={slip} onClose={() => setSlip(null)} />
    </>
  );
}
