import { Button } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useFeedback } from '@kangyun/web-shell/feedback';
import { useMessages } from '@kangyun/web-shell/i18n';
import { auditApi } from './api';
import { auditMessages } from './messages';

/** POST /api/audit/verify and report whether the hash chain is intact. */
export function VerifyChainButton({ onShowBroken }: { onShowBroken: (id: string) => void }) {
  const m = useMessages(auditMessages);
  const { modal, fail } = useFeedback();
  const [busy, setBusy] = useState(false);

  const verify = async () => {
    setBusy(true);
    try {
      const result = await auditApi.verify();
      if (result.ok) {
        modal.success({
          title: m.verifyOkTitle,
          content: (
            <div data-testid="verify-result">
              <p>{m.verifyOk(result.checked)}</p>
              {result.unsealed ? <p>{m.verifyUnsealed(result.unsealed)}</p> : null}
            </div>
          ),
        });
      } else {
        const brokenId = result.firstBroken?.id == null ? null : String(result.firstBroken.id);
        modal.error({
          title: m.verifyBrokenTitle,
          okText: brokenId ? m.showBroken : undefined,
          onOk: brokenId ? () => onShowBroken(brokenId) : undefined,
          content: (
            <div data-testid="verify-result">
              <p>{m.verifyBroken(result.checked)}</p>
              {brokenId ? <p>{m.verifyBrokenAt(brokenId)}</p> : null}
            </div>
          ),
        });
      }
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button icon={<SafetyCertificateOutlined />} loading={busy} onClick={() => void verify()}>
      {m.verify}
    </Button>
  );
}
