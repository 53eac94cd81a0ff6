import { Empty, Skeleton, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { ProblemAlert } from '@kangyun/web-shell/components/ProblemAlert';
import { useRequest } from '@kangyun/web-shell/hooks/useRequest';
import { useMessages } from '@kangyun/web-shell/i18n';
import { patientApi } from '../api';
import { patientMessages } from '../messages';
import type { Id } from '../types';

function describe(detail: unknown): string {
  if (detail == null || detail === '') return '';
  if (typeof detail === 'string') return detail;
  if (typeof detail === 'object') {
    return Object.entries(detail as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
      .join('；');
  }
  return String(detail);
}

const colors: Record<string, string> = { created: 'green', create: 'green', merged: 'red', merge: 'red', merged_into: 'red', revealed: 'orange', reveal: 'orange' };

export function PatientHistory({ patientId, refreshKey }: { patientId: Id; refreshKey?: unknown }) {
  const m = useMessages(patientMessages);
  const history = useRequest((signal) => patientApi.history(patientId, signal), [patientId, refreshKey]);
  if (history.loading && !history.data) return <Skeleton active />;
  if (history.error) return <ProblemAlert error={history.error} onRetry={history.reload} />;
  if (!history.data?.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m.noHistory} />;
  return (
    <Timeline
      items={history.data.map((h, i) => ({
        key: `${h.at}-${i}`,
        color: colors[h.action] ?? 'blue',
        content: (
          <>
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
              {dayjs(h.at).format('YYYY-MM-DD HH:mm')}
            </Typography.Text>
            <Typography.Text strong>{m.historyActions[h.action] ?? h.action}</Typography.Text>{' '}
            <Typography.Text type="secondary">{m.by(h.by)}</Typography.Text>
            {describe(h.detail) ? <div style={{ color: '#595959', fontSize: 13 }}>{describe(h.detail)}</div> : null}
          </>
        ),
      }))}
    />
  );
}
