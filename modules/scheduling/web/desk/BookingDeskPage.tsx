import { Col, Row, Typography, type InputRef } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { PageHeader } from '@kangyun/web-shell/components/PageHeader';
import { useMessages } from '@kangyun/web-shell/i18n';
import { BookingPanel, type BookingOutcome, type BookingPanelHandle } from './BookingPanel';
import { CancelDialog } from './CancelDialog';
import { SlipModal } from './BookingSlip';
import { deskMessages } from './messages';
import { PatientAppointments } from './PatientAppointments';
import { PatientPicker } from './PatientPicker';
import type { Appointment, PatientSummary } from './types';

/**
 * 预约挂号台: the patient on the left (search, their appointments with print / reschedule /
 * cancel), the booking on the right. F2 goes to the patient search from anywhere, Alt+B books
 * the current choice; after a booking the slip opens with its print button focused.
 */
export default function BookingDeskPage() {
  const m = useMessages(deskMessages);
  const [patient, setPatient] = useState<PatientSummary | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const [rescheduling, setRescheduling] = useState<Appointment | null>(null);
  const [cancelling, setCancelling] = useState<Appointment | null>(null);
  const [slip, setSlip] = useState<Appointment | null>(null);
  const searchRef = useRef<InputRef>(null);
  const panel = useRef<BookingPanelHandle>(null);

  const choosePatient = useCallback((p: PatientSummary | null) => {
    setPatient(p);
    setRescheduling(null);
    if (!p) window.setTimeout(() => searchRef.current?.focus(), 0);
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'F2') {
        e.preventDefault();
        if (patient) choosePatient(null);
        else searchRef.current?.focus();
      } else if (e.altKey && (e.key === 'b' || e.key === 'B')) {
        e.preventDefault();
        panel.current?.confirm();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [patient, choosePatient]);

  const done = (a: Appointment | null, outcome: BookingOutcome) => {
    setReloadKey((k) => k + 1);
    setRescheduling(null);
    if (a && outcome !== 'waitlisted') setSlip(a);
  };

  return (
    <>
      <PageHeader title={m.title} subtitle={m.subtitle} extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{m.shortcuts}</Typography.Text>} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9} xl={8}>
          <PatientPicker patient={patient} onSelect={choosePatient} inputRef={searchRef} />
          {patient ? (
            <PatientAppointments
              patientId={patient.id}
              reloadKey={reloadKey}
              onPrint={setSlip}
              onCancel={setCancelling}
              onReschedule={(a) => setRescheduling(a)}
            />
          ) : null}
        </Col>
        <Col xs={24} lg={15} xl={16}>
          <BookingPanel ref={panel} patient={patient} rescheduling={rescheduling} onStopRescheduling={() => setRescheduling(null)} onDone={done} refreshKey={reloadKey} />
        </Col>
      </Row>
      <CancelDialog appointment={cancelling} onClose={() => setCancelling(null)} onDone={() => { setCancelling(null); setReloadKey((k) => k + 1); }} />
      <SlipModal appointment={slip} onClose={() => setSlip(null)} />
    </>
  );
}
