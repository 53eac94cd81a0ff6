import { Button, Empty, Skeleton } from 'antd';
import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import { ProblemAlert } from '@kangyun/web-shell/components/ProblemAlert';
import { useRequest } from '@kangyun/web-shell/hooks/useRequest';
import { useLang, useMessages } from '@kangyun/web-shell/i18n';
import { portalApi } from '../api';
import { MobileLayout } from '../components/MobileLayout';
import { dateTime } from '../format';
import { portalMessages } from '../messages';
import { usePortalFailure } from '../patient';
import type { PortalMessage } from '../types';

/** /m/messages: 我的消息 — booking confirmations, reminders, substitution and suspension notices */
export default function MessagesPage() {
  const m = useMessages(portalMessages);
  const lang = useLang();
  const navigate = useNavigate();
  const failed = usePortalFailure();
  const inbox = useRequest((signal) => portalApi.messages(signal), []);
  useEffect(() => { if (inbox.error?.status === 401) failed(inbox.error); }, [inbox.error, failed]);

  async function open(message: PortalMessage) {
    if (!message.readAt) await portalApi.markRead(message.id).catch(() => undefined);
    if (message.link?.startsWith('/m/')) navigate(message.link);
    else inbox.reload();
  }

  return (
    <MobileLayout title={m.messagesTitle}
      extra={inbox.data?.unread ? <Button type="link" onClick={async () => { await portalApi.markAllRead().catch(failed); inbox.reload(); }}>{m.markAllRead}</Button> : null}>
      <ProblemAlert error={inbox.error?.status === 401 ? undefined : inbox.error} onRetry={inbox.reload} />
      {inbox.loading && !inbox.data ? <Skeleton active /> : null}
      {inbox.data && !inbox.data.items.length ? <Empty description={m.noMessages} style={{ marginTop: 48 }} /> : null}
      {inbox.data?.items.map((msg) => (
        <button key={msg.id} type="button" className="m-row" style={{ alignItems: 'flex-start' }} onClick={() => open(msg)} data-testid="message">
          <div className="m-row-main">
            <div className="m-row-title">{msg.readAt ? null : <span className="m-unread" aria-hidden />}{msg.title}</div>
            <div style={{ marginTop: 4, color: '#595959', fontSize: 14 }}>{msg.body}</div>
            <div className="m-row-sub">{msg.institutionName ? `${msg.institutionName} · ` : ''}{dateTime(msg.createdAt, lang)}</div>
          </div>
        </button>
      ))}
    </MobileLayout>
  );
}
