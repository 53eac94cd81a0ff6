import { Col, Row } from 'antd';
import { useMemo } from 'react';
import type { HomeWidget } from '../module';
import { webModules } from '../modules';
import { useCan } from '../session';
import { AuditTrendCard } from './home/AuditTrendCard';
import { Shortcuts } from './home/Shortcuts';
import { WelcomeCard } from './home/WelcomeCard';

/** The workbench: greeting, role-specific cards contributed by modules, and shortcuts. */
export default function Home() {
  const can = useCan();
  const widgets = useMemo(() => {
    const list: HomeWidget[] = webModules.flatMap((module) => module.home ?? []);
    list.push({ key: 'audit-trend', permission: 'audit.read', element: <AuditTrendCard />, order: 90 });
    return list.filter((w) => can(w.permission)).sort((a, b) => (a.order ?? 50) - (b.order ?? 50));
  }, [can]);

  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <WelcomeCard />
      </Col>
      {widgets.map((widget) => (
        <Col key={widget.key} xs={24} lg={widget.width === 'full' || widgets.length === 1 ? 24 : 12}>
          {widget.element}
        </Col>
      ))}
      <Col span={24}>
        <Shortcuts />
      </Col>
    </Row>
  );
}
