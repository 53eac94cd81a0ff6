import { Button, Card, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { CloseCircleOutlined, PrinterOutlined, SwapOutlined } from '@ant-design/icons';
import { ProblemAlert } from '@kangyun/web-shell/components/ProblemAlert';
import { useRequest } from '@kangyun/web-shell/hooks/useRequest';
import { useMessages } from '@kangyun/web-shell/i18n';
import { deskApi } from './api';
import { segment, weekday } from './format';
import { deskMessages } from './messages';
import { StatusTag } from './StatusTag';
import type { Appointment } from './types';

const ACTIVE = new Set(['held', 'booked']);

/** The patient's appointments, upcoming first, with the desk's actions on each live one. */
export function PatientAppointments({ patientId, reloadKey, onReschedule, onCancel, onPrint }: {
  patientId: number;
  reloadKey: number;
  onReschedule: (a: Appointment) => void;
  onCancel: (a: Appointment) => void;
  onPrint: (a: Appointment) => void;
}) {
  const m = useMessages(deskMessages);
  const list = useRequest((signal) => deskApi.appointments(patientId, signal), [patientId, reloadKey]);
  const now = Date.now();
  const items = [...(list.data?.items ?? [])].sort((a, b) => {
    const au = Date.parse(a.endsAt) >= now && ACTIVE.has(a.status) ? 0 : 1;
    const bu = Date.parse(b.endsAt) >= now && ACTIVE.has(b.status) ? 0 : 1;
    return au - bu || (au === 0 ? a.startsAt.localeCompare(b.startsAt) : b.startsAt.localeCompare(a.startsAt));
  });

  return (
    <Card variant="borderless" size="small" title={m.appointments} style={{ marginTop: 12 }}>
      <ProblemAlert error={list.error} onRetry={list.reload} />
      {list.loading && !list.data ? <Skeleton active /> : null}
      {list.data && !items.length ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m.noAppointments} /> : null}
      <Flex vertical gap={8} data-testid="desk-patient-appointments">
        {items.map((a) => {
          const live = ACTIVE.has(a.status) && Date.parse(a.endsAt) >= now;
          return (
            <div key={a.id} className="desk-appointment" data-appointment={a.id} style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '6px 10px', opacity: live ? 1 : 0.7 }}>
              <Flex justify="space-between" align="center" gap={6} wrap>
                <span>
                  <b>{a.serviceDate}</b> {m.weekdays[weekday(a.serviceDate)]} {segment(a.startsAt, a.endsAt)}
                </span>
                <StatusTag status={a.status} />
              </Flex>
              <div>
                {a.departmentName} · {a.practitionerName ?? a.resourceName}
                {a.clinicLevel ? <Tag style={{ marginLeft: 6 }}>{m.levels[a.clinicLevel]}</Tag> : null}
                <Typography.Text strong>{m.slipNumber(a.seq)}</Typography.Text>
                {a.addOn ? <Tag color="purple" style={{ marginLeft: 6 }}>{m.addOn}</Tag> : null}
              </div>
              {live ? (
                <Flex gap={6} style={{ marginTop: 4 }} wrap>
                  <Button size="small" icon={<PrinterOutlined />} onClick={() => onPrint(a)}>{m.print}</Button>
                  {a.status === 'booked' ? <Button size="small" icon={<SwapOutlined />} onClick={() => onReschedule(a)}>{m.reschedule}</Button> : null}
                  <Button size="small" danger icon={<CloseCircleOutlined />} onClick={() => onCancel(a)}>{m.cancel}</Button>
                </Flex>
              ) : a.cancelReason ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{a.cancelReason}</Typography.Text> : null}
            </div>
          );
        })}
      </Flex>
    </Card>
  );
}
