import { Card, Empty, Flex, Pagination, Spin, Typography } from 'antd';
import { IdcardOutlined, MobileOutlined, RightOutlined } from '@ant-design/icons';
import { useMessages } from '@kangyun/web-shell/i18n';
import { SexTag } from '../components/SexTag';
import { patientMessages } from '../messages';
import type { PatientSummary } from '../types';

interface Props {
  items: PatientSummary[];
  loading: boolean;
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  onOpen: (patient: PatientSummary) => void;
}

/** Phone layout: one tappable card per patient instead of a wide table. */
export function PatientCardList({ items, loading, page, pageSize, total, onPage, onOpen }: Props) {
  const m = useMessages(patientMessages);
  return (
    <Spin spinning={loading}>
      <Flex vertical gap={8}>
        {items.length === 0 && !loading ? <Empty description={m.noResult} /> : null}
        {items.map((p) => (
          <Card key={p.id} size="small" hoverable onClick={() => onOpen(p)} className="patient-card">
            <Flex justify="space-between" align="center" gap={8}>
              <Flex vertical gap={4} style={{ minWidth: 0 }}>
                <Flex gap={8} align="center" wrap>
                  <Typography.Text strong style={{ fontSize: 16 }}>
                    {p.name}
                  </Typography.Text>
                  <SexTag sex={p.sex} />
                  <Typography.Text type="secondary">{p.age == null ? p.birthDate : `${m.ageValue(p.age)} · ${p.birthDate}`}</Typography.Text>
                </Flex>
                <Typography.Text type="secondary" className="mono" ellipsis>
                  <IdcardOutlined /> {p.idNumberMasked || '—'}
                </Typography.Text>
                <Flex gap={12} wrap>
                  <Typography.Text type="secondary" className="mono">
                    <MobileOutlined /> {p.mobileMasked || '—'}
                  </Typography.Text>
                  <Typography.Text type="secondary">
                    {m.mrn} {p.mrn}
                  </Typography.Text>
                </Flex>
              </Flex>
              <RightOutlined style={{ color: '#bfbfbf' }} />
            </Flex>
          </Card>
        ))}
        {total > pageSize ? <Pagination simple current={page} pageSize={pageSize} total={total} onChange={onPage} style={{ alignSelf: 'center', marginTop: 8 }} /> : null}
      </Flex>
    </Spin>
  );
}
