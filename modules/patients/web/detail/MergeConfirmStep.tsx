import { Alert, Button, Card, Col, Form, Input, Row, Tag } from 'antd';
import { SwapOutlined } from '@ant-design/icons';
import { useMessages } from '@kangyun/web-shell/i18n';
import { patientMessages } from '../messages';
import { sameId } from '@kangyun/web-shell/types';
import type { Id, PatientSummary } from '../types';
import { CandidateLine } from './MergeChooseStep';

interface Props {
  target: PatientSummary;
  source: PatientSummary;
  currentId: Id;
  onSwap: () => void;
}

/** Step 2: which record is kept, which is retired, and why. The reason field is named `reason`. */
export function MergeConfirmStep({ target, source, currentId, onSwap }: Props) {
  const m = useMessages(patientMessages);
  const badge = (p: PatientSummary) => (sameId(p.id, currentId) ? <Tag>{m.thisPatient}</Tag> : null);
  return (
    <>
      <Row gutter={[12, 12]} align="middle">
        <Col xs={24} md={11}>
          <Card size="small" title={m.keep} extra={badge(target)} styles={{ header: { background: '#f6ffed' } }}>
            <CandidateLine p={target} />
          </Card>
        </Col>
        <Col xs={24} md={2} style={{ textAlign: 'center' }}>
          <Button shape="circle" icon={<SwapOutlined />} onClick={onSwap} title={m.swap} aria-label={m.swap} />
        </Col>
        <Col xs={24} md={11}>
          <Card size="small" title={m.retire} extra={badge(source)} styles={{ header: { background: '#fff1f0' } }}>
            <CandidateLine p={source} />
          </Card>
        </Col>
      </Row>
      <Alert type="warning" showIcon title={m.mergeWarning} style={{ margin: '16px 0' }} />
      <Form.Item name="reason" label={m.mergeReason} rules={[{ required: true, whitespace: true, message: m.mergeReasonRequired }]}>
        <Input.TextArea rows={3} maxLength={500} showCount placeholder={m.mergeReasonPlaceholder} autoFocus />
      </Form.Item>
    </>
  );
}
