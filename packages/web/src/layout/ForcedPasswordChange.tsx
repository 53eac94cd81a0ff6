import { Alert, Card, Flex } from 'antd';
import { PasswordChangeForm } from '../components/PasswordChangeForm';
import { useFeedback } from '../feedback';
import { useMessages } from '../i18n';
import { shellMessages } from '../messages';
import { useSessionContext } from '../session';

/** Shown instead of any page while the session says the password must be changed. */
export function ForcedPasswordChange() {
  const m = useMessages(shellMessages);
  const { refresh } = useSessionContext();
  const { message } = useFeedback();
  return (
    <Flex justify="center" style={{ paddingTop: 24 }}>
      <Card title={m.mustChangeTitle} style={{ width: '100%', maxWidth: 420 }}>
        <Alert type="warning" showIcon title={m.mustChangeHint} style={{ marginBottom: 16 }} />
        <PasswordChangeForm
          onDone={() => {
            message.success(m.passwordChanged);
            void refresh();
          }}
        />
      </Card>
    </Flex>
  );
}
