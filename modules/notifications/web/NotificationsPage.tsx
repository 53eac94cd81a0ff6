import { Tabs } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '@kangyun/web-shell/components/PageHeader';
import { useMessages } from '@kangyun/web-shell/i18n';
import { useCan } from '@kangyun/web-shell/session';
import { DeliveriesTab } from './DeliveriesTab';
import { notificationMessages } from './messages';
import { ProvidersTab } from './ProvidersTab';

export default function NotificationsPage() {
  const m = useMessages(notificationMessages);
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const tabs = [
    ...(can('notification.read') ? [{ key: 'deliveries', label: m.tabDeliveries, children: <DeliveriesTab /> }] : []),
    ...(can('notification.admin') ? [{ key: 'providers', label: m.tabProviders, children: <ProvidersTab /> }] : []),
  ];
  const requested = params.get('tab');
  const active = tabs.some((t) => t.key === requested) ? requested! : tabs[0]?.key;

  return (
    <>
      <PageHeader title={m.title} subtitle={m.subtitle} />
      <Tabs
        activeKey={active}
        // switching tabs drops the other tab's filters from the address bar
        onChange={(key) => setParams(key === tabs[0]?.key ? {} : { tab: key })}
        items={tabs}
        destroyOnHidden
      />
    </>
  );
}
