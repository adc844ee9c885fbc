import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** The title row of every page: a heading, an optional subtitle and actions that wrap on phones. */
export function PageHeader({ title, subtitle, extra }: { title: ReactNode; subtitle?: ReactNode; extra?: ReactNode }) {
  return (
    <Flex wrap justify="space-between" align="center" gap={12} style={{ marginBottom: 16 }}>
      <div style={{ minWidth: 0 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {subtitle ? <Typography.Text type="secondary">{subtitle}</Typography.Text> : null}
      </div>
      {extra ? (
        <Flex wrap gap={8}>
          {extra}
        </Flex>
      ) : null}
    </Flex>
  );
}
