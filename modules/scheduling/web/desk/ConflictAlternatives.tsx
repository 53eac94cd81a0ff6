import { Alert, Button, Flex, Typography } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { useMessages } from '@kangyun/web-shell/i18n';
import { segment, weekday } from './format';
import { deskMessages } from './messages';
import type { BookingOption } from './types';

/**
 * The number was taken between choosing and booking (409): the server's next options as
 * one-click bookings, and the session's waiting list (候补).
 */
export function ConflictAlternatives({ title, options, busy, onPick, onWaitlist, canWaitlist }: {
  title: string;
  options: BookingOption[];
  busy: boolean;
  onPick: (o: BookingOption) => void;
  onWaitlist: () => void;
  canWaitlist: boolean;
}) {
  const m = useMessages(deskMessages);
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginTop: 12 }}
      title={title}
      data-testid="desk-conflict"
      description={
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{m.takenHint}</Typography.Paragraph>
          <Flex vertical gap={6}>
            {options.length === 0 ? <Typography.Text type="secondary">{m.noOptions}</Typography.Text> : null}
            {options.map((o, i) => (
              <Flex key={`${o.sessionId}-${o.slotId ?? i}`} justify="space-between" align="center" gap={8} wrap>
                <span>
                  {o.serviceDate} {m.weekdays[weekday(o.serviceDate)]} {segment(o.startsAt, o.endsAt)} · {o.departmentName} · {o.practitionerName ?? o.resourceName}
                  {o.seq ? <b> {m.slipNumber(o.seq)}</b> : null}
                </span>
                <Button size="small" type={i === 0 ? 'primary' : 'default'} autoFocus={i === 0} loading={busy} onClick={() => onPick(o)} data-testid="desk-option">
                  {m.bookThis}
                </Button>
              </Flex>
            ))}
            {canWaitlist ? (
              <div><Button icon={<ClockCircleOutlined />} loading={busy} onClick={onWaitlist} data-testid="desk-waitlist">{m.joinWaitlist}</Button></div>
            ) : null}
          </Flex>
        </>
      }
    />
  );
}
