import { useCallback } from 'react';
import { useMessages } from '@kangyun/web-shell/i18n';
import { auditMessages } from './messages';

/** Human name of an audit action code; unknown codes are shown as they are. */
export function useActionLabel(): (action: string) => string {
  const m = useMessages(auditMessages);
  return useCallback((action: string) => m.actions[action] ?? action, [m]);
}
