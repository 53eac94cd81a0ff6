import { lazy, Suspense, type ComponentType, type ReactElement } from 'react';
import { Flex, Spin } from 'antd';

/** A route element whose code is loaded on first visit. */
export function lazyPage(load: () => Promise<{ default: ComponentType }>): ReactElement {
  const Page = lazy(load);
  return (
    <Suspense
      fallback={
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin />
        </Flex>
      }
    >
      <Page />
    </Suspense>
  );
}
