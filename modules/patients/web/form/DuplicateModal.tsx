import { Alert, Button, List, Modal, Popconfirm, Tag, Typography, Flex } from 'antd';
import { useMessages } from '@kangyun/web-shell/i18n';
import { SexTag } from '../components/SexTag';
import { patientMessages } from '../messages';
import type { DuplicateCandidate, Id } from '../types';

interface Props {
  candidates: DuplicateCandidate[] | null;
  forcing: boolean;
  onOpen: (id: Id) => void;
  onForce: () => void;
  onClose: () => void;
}

/** 409 duplicate_patient: show the similar records; the user opens one or registers anyway. */
export function DuplicateModal({ candidates, forcing, onOpen, onForce, onClose }: Props) {
  const m = useMessages(patientMessages);
  return (
    <Modal
      open={!!candidates}
      title={m.duplicateTitle}
      onCancel={onClose}
      width={680}
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{m.cancel}</Button>
          <Popconfirm title={m.forceConfirm} onConfirm={onForce} okText={m.forceRegister} cancelText={m.cancel}>
            <Button danger loading={forcing}>
              {m.forceRegister}
            </Button>
          </Popconfirm>
        </Flex>
      }
    >
      <Alert type="warning" showIcon title={m.duplicateHint} style={{ marginBottom: 12 }} />
      <List
        dataSource={candidates ?? []}
        renderItem={(p) => (
          <List.Item
            actions={[
              <Button key="open" type="primary" ghost onClick={() => onOpen(p.id)}>
                {m.openExisting}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={
                <Flex gap={8} align="center" wrap>
                  <Typography.Text strong>{p.name}</Typography.Text>
                  <SexTag sex={p.sex} />
                  <Typography.Text type="secondary">{p.birthDate}</Typography.Text>
                  <Tag color={p.reason === 'same_id_number' ? 'red' : 'orange'}>{m.reasons[p.reason] ?? p.reason}</Tag>
                </Flex>
              }
              description={
                <Flex gap={16} wrap>
                  <span className="mono">
                    {m.idNumber} {p.idNumberMasked || '—'}
                  </span>
                  <span className="mono">
                    {m.mobile} {p.mobileMasked || '—'}
                  </span>
                  <span>
                    {m.mrn} {p.mrn}
                  </span>
                </Flex>
              }
            />
          </List.Item>
        )}
      />
    </Modal>
  );
}
