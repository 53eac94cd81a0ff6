import { Tag } from 'antd';
import { useMessages } from '@kangyun/web-shell/i18n';
import { queueMessages } from './messages';
import type { EntryReason, EntryStatus, PriorityGroup } from './types';

const STATUS_COLOR: Record<EntryStatus, string> = {
  waiting: 'blue', called: 'orange', in_service: 'green', on_hold: 'purple', missed: 'red', done: 'default', transferred: 'default',
};

export function StatusTag({ status }: { status: EntryStatus }) {
  const m = useMessages(queueMessages);
  return <Tag color={STATUS_COLOR[status]}>{m.status[status]}</Tag>;
}

/** 迟到 / 过号 / 回诊 / 优先 … why the patient sits where they do */
export function ReasonTags({ reason, priority }: { reason: EntryReason; priority: PriorityGroup | null }) {
  const m = useMessages(queueMessages);
  return (
    <>
      {priority ? <Tag color="volcano">{m.priority[priority]}</Tag> : null}
      {m.reason[reason] ? <Tag color={reason === 'late' || reason === 'missed' ? 'gold' : 'cyan'}>{m.reason[reason]}</Tag> : null}
    </>
  );
}

export function hhmm(iso: string | null | undefined): string {
  if (!iso) return '';
  return new Date(iso).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false });
}
