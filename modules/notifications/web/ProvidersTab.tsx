import { Card, Col, Collapse, Row, Skeleton, Typography } from 'antd';
import { ProblemAlert } from '@kangyun/web-shell/components/ProblemAlert';
import { useRequest } from '@kangyun/web-shell/hooks/useRequest';
import { useMessages } from '@kangyun/web-shell/i18n';
import { notificationsApi } from './api';
import { notificationMessages } from './messages';
import { ProviderCard } from './ProviderCard';

/** SMS and WeChat gateway settings of the current institution. */
export function ProvidersTab() {
  const m = useMessages(notificationMessages);
  const providers = useRequest((signal) => notificationsApi.providers(signal), []);

  return (
    <>
      <ProblemAlert error={providers.error} onRetry={providers.reload} />
      {providers.loading && !providers.data ? (
        <Card variant="borderless">
          <Skeleton active />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          {(providers.data ?? []).map((p) => (
            <Col key={p.channel} xs={24} xl={12}>
              <ProviderCard
                provider={p}
                onSaved={(saved) => providers.setData((providers.data ?? []).map((x) => (x.channel === saved.channel ? saved : x)))}
              />
            </Col>
          ))}
          <Col xs={24}>
            <Collapse
              items={[
                {
                  key: 'contract',
                  label: m.contractTitle,
                  children: <Typography.Paragraph style={{ margin: 0 }}>{m.contract}</Typography.Paragraph>,
                },
              ]}
            />
          </Col>
        </Row>
      )}
    </>
  );
}
