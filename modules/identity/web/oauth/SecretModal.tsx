import { Alert, Button, Descriptions, Modal, Typography } from 'antd';
import { useMessages } from '@kangyun/web-shell/i18n';
import { oauthMessages } from '../messages/oauth';
import type { OAuthClient } from '../types';

/** Shows a new client's secret exactly once; it can only be closed with the confirm button. */
export function SecretModal({ client, onClose }: { client: (OAuthClient & { clientSecret: string }) | null; onClose: () => void }) {
  const m = useMessages(oauthMessages);
  return (
    <Modal
      open={!!client}
      title={m.secretTitle}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={
        <Button type="primary" onClick={onClose}>
          {m.secretSaved}
        </Button>
      }
      width={560}
    >
      <Alert type="warning" showIcon title={m.secretWarning} style={{ marginBottom: 16 }} />
      {client ? (
        <Descriptions
          column={1}
          bordered
          size="small"
          items={[
            { key: 'name', label: m.name, children: client.name },
            { key: 'id', label: m.clientId, children: <Typography.Text copyable code>{client.clientId}</Typography.Text> },
            {
              key: 'secret',
              label: m.clientSecret,
              children: (
                <Typography.Text copyable code style={{ wordBreak: 'break-all' }} data-testid="client-secret">
                  {client.clientSecret}
                </Typography.Text>
              ),
            },
          ]}
        />
      ) : null}
    </Modal>
  );
}
