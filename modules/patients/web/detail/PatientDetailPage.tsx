import { Alert, Button, Card, Col, Flex, Row, Skeleton, Tag } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { PageHeader } from '@kangyun/web-shell/components/PageHeader';
import { ProblemAlert } from '@kangyun/web-shell/components/ProblemAlert';
import { useFeedback } from '@kangyun/web-shell/feedback';
import { useRequest } from '@kangyun/web-shell/hooks/useRequest';
import { useMessages } from '@kangyun/web-shell/i18n';
import { patientApi } from '../api';
import { SexTag } from '../components/SexTag';
import { patientMessages } from '../messages';
import type { RevealedPatient } from '../types';
import { DetailActions } from './DetailActions';
import { MergeModal } from './MergeModal';
import { ContactsTable, PatientInfo } from './PatientInfo';
import { PatientHistory } from './PatientHistory';
import { PatientQrCode } from './PatientQrCode';
import './print.css';

const REVEAL_SECONDS = 120;

export default function PatientDetailPage() {
  const m = useMessages(patientMessages);
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { fail } = useFeedback();
  const patient = useRequest((signal) => patientApi.get(id, signal), [id]);
  const [revealed, setRevealed] = useState<RevealedPatient | null>(null);
  const [revealing, setRevealing] = useState(false);
  const [merging, setMerging] = useState(false);
  const [historyKey, setHistoryKey] = useState(0);

  useEffect(() => setRevealed(null), [id]);
  useEffect(() => {
    if (!revealed) return;
    const timer = window.setTimeout(() => setRevealed(null), REVEAL_SECONDS * 1000);
    return () => window.clearTimeout(timer);
  }, [revealed]);

  const reveal = async () => {
    setRevealing(true);
    try {
      setRevealed(await patientApi.reveal(id));
      setHistoryKey((k) => k + 1);
    } catch (error) {
      fail(error);
    } finally {
      setRevealing(false);
    }
  };

  if (patient.loading && !patient.data) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (!patient.data) return <ProblemAlert error={patient.error} onRetry={patient.reload} />;
  const p = patient.data;
  const shown = revealed ?? p;

  return (
    <div className="patient-detail" style={{ position: 'relative' }}>
      <div className="patient-print-header">
        <span>
          {m.printHeader}
        </span>
        <small>{m.printedAt(dayjs().format('YYYY-MM-DD HH:mm'))}</small>
      </div>
      <PageHeader
        title={
          <Flex gap={8} align="center" wrap>
            <span data-testid="patient-name">{shown.name}</span>
            <SexTag sex={p.sex} />
            {p.age != null ? <Tag>{m.ageValue(p.age)}</Tag> : null}
            {p.status === 'merged' ? <Tag color="red">{m.statuses.merged}</Tag> : null}
          </Flex>
        }
        subtitle={`${m.mrn} ${p.mrn} · ${m.regionalId} ${p.regionalId}`}
        extra={
          <DetailActions
            revealed={!!revealed}
            revealing={revealing}
            merged={p.status === 'merged'}
            onReveal={() => void reveal()}
            onHide={() => setRevealed(null)}
            onEdit={() => navigate(`/patients/${encodeURIComponent(id)}/edit`)}
            onMerge={() => setMerging(true)}
          />
        }
      />
      {p.status === 'merged' ? (
        <Alert
          type="warning"
          showIcon
          title={m.mergedNotice}
          style={{ marginBottom: 16 }}
          action={
            p.mergedInto ? (
              <Link to={`/patients/${encodeURIComponent(p.mergedInto)}`}>
                <Button size="small">{m.openMergedInto}</Button>
              </Link>
            ) : undefined
          }
        />
      ) : null}
      {revealed ? <Alert className="no-print" type="info" showIcon title={m.revealedNotice} style={{ marginBottom: 16 }} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={17}>
          <Flex vertical gap={16}>
            <Card variant="borderless" title={m.basicInfo}>
              <PatientInfo patient={p} revealed={revealed} />
            </Card>
            <Card variant="borderless" title={m.contacts}>
              <ContactsTable contacts={revealed?.contacts ?? p.contacts} />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} lg={7}>
          <Flex vertical gap={16}>
            <Card variant="borderless" title={m.qrTitle} className="patient-qr-card">
              <PatientQrCode patientId={p.id} />
            </Card>
            <Card variant="borderless" title={m.history} className="no-print">
              <PatientHistory patientId={p.id} refreshKey={`${historyKey}:${p.version}`} />
            </Card>
          </Flex>
        </Col>
      </Row>
      <MergeModal
        patient={p}
        open={merging}
        onClose={() => setMerging(false)}
        onMerged={(target) => {
          setMerging(false);
          if (target.id === p.id) {
            patient.reload();
            setHistoryKey((k) => k + 1);
          } else navigate(`/patients/${encodeURIComponent(target.id)}`);
        }}
      />
    </div>
  );
}
