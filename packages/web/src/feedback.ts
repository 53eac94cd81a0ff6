import { App } from 'antd';
import { useCallback } from 'react';
import { isApiError } from './api';

/** message/modal helpers bound to the antd <App> context, plus a one-liner for failed requests. */
export function useFeedback() {
  const { message, modal, notification } = App.useApp();
  const fail = useCallback(
    (error: unknown) => {
      if (isApiError(error)) message.error(error.display);
      else if (error instanceof Error) message.error(error.message);
    },
    [message],
  );
  return { message, modal, notification, fail };
}
