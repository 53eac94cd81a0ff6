import { Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useMessages } from '@kangyun/web-shell/i18n';
import { notificationMessages } from './messages';
import type { Delivery } from './types';

const COLORS: Record<string, string> = { pending: 'processing', sent: 'success', failed: 'error', dead: 'volcano', cancelled: 'default' };

/** Status of one delivery; the tooltip says why it failed or when it is tried next. */
export function StatusTag({ delivery }: { delivery: Pick<Delivery, 'status' | 'attempts' | 'nextAttemptAt' | 'errorText'> }) {
  const m = useMessages(notificationMessages);
  const lines = [
    delivery.attempts > 0 ? m.attempts(delivery.attempts) : null,
    delivery.status === 'pending' && delivery.nextAttemptAt ? m.nextAttempt(dayjs(delivery.nextAttemptAt).format('MM-DD HH:mm:ss')) : null,
    delivery.status !== 'sent' ? delivery.errorText : null,
  ].filter(Boolean);
  const tag = <Tag color={COLORS[delivery.status]}>{m.statuses[delivery.status] ?? delivery.status}</Tag>;
  return lines.length ? (
    <Tooltip
      title={lines.map((line) => (
        <div key={line}>{line}</div>
      ))}
    >
      {tag}
    </Tooltip>
  ) : (
    tag
  );
}
