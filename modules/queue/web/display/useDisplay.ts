import { useCallback, useMemo, useState } from 'react';
import { useEventStream, type StreamStatus } from '../stream/useEventStream';
import type { CallInfo, DisplaySnapshot, QueueState } from '../types';
import { checkDevice, takeDeviceToken } from './deviceToken';
import { useDisplayModel } from './useDisplayModel';
import { useVoice } from './useVoice';

export type DeviceState = 'ok' | 'no_token' | 'revoked' | 'unknown';

/**
 * Everything a display page needs: its device token, the live stream (snapshot first, then calls
 * and queue changes; reconnecting on its own), the model of its rooms and the voice.
 */
export function useDisplay() {
  const [token] = useState(() => takeDeviceToken());
  const [device, setDevice] = useState<DeviceState>(token ? 'ok' : 'no_token');
  const [flash, setFlash] = useState<CallInfo | null>(null);
  const model = useDisplayModel();
  const voice = useVoice(model.snapshot);

  const handlers = useMemo(() => ({
    snapshot: (data: unknown) => model.onSnapshot(data as DisplaySnapshot),
    queue: (data: unknown) => model.onQueue((data as { state: QueueState }).state),
    call: (data: unknown) => {
      const { call, state } = data as { call: CallInfo; state?: QueueState };
      model.onCall(call, state);
      if (call.kind !== 'prepare') setFlash(call);
      voice.announce(call);
    },
    revoked: () => setDevice('revoked'),
  }), [model.onSnapshot, model.onQueue, model.onCall, voice.announce]);

  const onRefused = useCallback(async () => {
    if (!token) return 'stop' as const;
    const check = await checkDevice(token);
    if (check === 'revoked' || check === 'unknown') {
      setDevice(check);
      return 'stop' as const;
    }
    return 'retry' as const;
  }, [token]);

  const url = token && device === 'ok' ? `/api/queue/stream?device=${encodeURIComponent(token)}` : null;
  const status: StreamStatus = useEventStream({ url, handlers, onRefused });
  return { token, device, status, flash, voice, ...model };
}
