import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** Page title with optional subtitle and actions; wraps on narrow screens. */
export function PageHeader({ title, subtitle, extra }: { title: ReactNode; subtitle?: ReactNode; extra?: ReactNode }) {
  return (
    <Flex className="page-header" justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
      <div style={{ minWidth: 0 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {subtitle ? <Typography.Text type="secondary">{subtitle}</Typography.Text> : null}
      </div>
      {extra ? (
        <Flex className="no-print" gap={8} wrap>
          {extra}
        </Flex>
      ) : null}
    </Flex>
  );
}
