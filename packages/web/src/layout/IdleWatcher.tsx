import { Modal } from 'antd';
import { useIdleTimeout } from '../hooks/useIdleTimeout';
import { useMessages } from '../i18n';
import { shellMessages } from '../messages';
import { useSession, useSessionContext } from '../session';

/** Signs the user out after the security policy's idle timeout, with a one-minute warning. */
export function IdleWatcher() {
  const m = useMessages(shellMessages);
  const session = useSession();
  const { logout } = useSessionContext();
  const { remaining, stayActive } = useIdleTimeout(session.idleTimeoutSeconds, () => void logout('idle'));
  return (
    <Modal
      open={remaining !== null}
      title={m.idleWarning(remaining ?? 0)}
      okText={m.stayIn}
      cancelText={m.logout}
      onOk={stayActive}
      onCancel={() => void logout('logout')}
      closable={false}
      mask={{ closable: false }}
      width={400}
    />
  );
}
