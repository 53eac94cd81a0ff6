import { Alert, Button } from 'antd';
import type { ApiError } from '../api';
import { useMessages } from '../i18n';
import { shellMessages } from '../messages';

/** Shows a failed request inline, with an optional retry. */
export function ProblemAlert({ error, onRetry }: { error?: ApiError; onRetry?: () => void }) {
  const m = useMessages(shellMessages);
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      title={error.title}
      description={error.detail && error.detail !== error.title ? error.detail : undefined}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {m.retry}
          </Button>
        ) : undefined
      }
    />
  );
}
