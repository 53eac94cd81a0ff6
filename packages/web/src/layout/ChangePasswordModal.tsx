import { Modal } from 'antd';
import { PasswordChangeForm } from '../components/PasswordChangeForm';
import { useFeedback } from '../feedback';
import { useMessages } from '../i18n';
import { shellMessages } from '../messages';

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const m = useMessages(shellMessages);
  const { message } = useFeedback();
  return (
    <Modal open={open} title={m.changePassword} footer={null} onCancel={onClose} destroyOnHidden width={420}>
      <PasswordChangeForm
        onDone={() => {
          message.success(m.passwordChanged);
          onClose();
        }}
      />
    </Modal>
  );
}
