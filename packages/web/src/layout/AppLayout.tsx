import { Button, Drawer, Flex, Grid, Layout } from 'antd';
import { MenuOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useMessages } from '../i18n';
import { shellMessages } from '../messages';
import { useSession } from '../session';
import { ErrorBoundary } from './ErrorBoundary';
import { ForcedPasswordChange } from './ForcedPasswordChange';
import { IdleWatcher } from './IdleWatcher';
import { LanguageSwitch } from './LanguageSwitch';
import { Logo } from './Logo';
import { PostSwitcher } from './PostSwitcher';
import { SideMenu } from './SideMenu';
import { UserMenu } from './UserMenu';

export function AppLayout() {
  const m = useMessages(shellMessages);
  const session = useSession();
  const screens = Grid.useBreakpoint();
  const desktop = screens.lg ?? true;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const { pathname } = useLocation();

  useEffect(() => setDrawerOpen(false), [pathname]);

  return (
    <Layout className="app-layout" style={{ minHeight: '100vh' }}>
      {desktop ? (
        <Layout.Sider
          className="app-sider no-print"
          width={216}
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
        >
          <Link to="/" className="app-brand">
            <Logo collapsed={collapsed} />
          </Link>
          <SideMenu />
        </Layout.Sider>
      ) : (
        <Drawer
          className="no-print"
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={240}
          closable={false}
          styles={{ body: { padding: 0, background: '#001529' } }}
        >
          <Link to="/" className="app-brand">
            <Logo />
          </Link>
          <SideMenu onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      )}
      <Layout>
        <Layout.Header className="app-header no-print">
          <Flex align="center" gap={8} style={{ minWidth: 0, flex: 1 }}>
            {desktop ? null : (
              <Button type="text" icon={<MenuOutlined />} aria-label={m.menu} onClick={() => setDrawerOpen(true)} />
            )}
            <PostSwitcher />
          </Flex>
          <Flex align="center" gap={8}>
            <LanguageSwitch />
            <UserMenu />
          </Flex>
        </Layout.Header>
        <Layout.Content className="app-content">
          <ErrorBoundary resetKey={pathname}>{session.mustChangePassword ? <ForcedPasswordChange /> : <Outlet />}</ErrorBoundary>
        </Layout.Content>
      </Layout>
      <IdleWatcher />
    </Layout>
  );
}
