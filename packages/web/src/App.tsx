import { Button, Flex, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { RequirePermission } from './components/RequirePermission';
import { useMessages } from './i18n';
import { AppLayout } from './layout/AppLayout';
import { shellMessages } from './messages';
import { webModules } from './modules';
import Home from './pages/Home';
import Login from './pages/Login';
import NotFound from './pages/NotFound';
import { useSessionContext } from './session';

const moduleRoutes = webModules.flatMap((module) => module.routes.map((route) => ({ ...route, moduleId: module.id })));
/** pages without staff sign-in: patients' phone pages, display screens (they authenticate their own way) */
const standaloneRoutes = webModules.flatMap((module) => (module.standaloneRoutes ?? []).map((route) => ({ ...route, moduleId: module.id })));

function FullPageSpin() {
  return (
    <Flex justify="center" align="center" style={{ minHeight: '100vh' }}>
      <Spin size="large" />
    </Flex>
  );
}

function Unreachable() {
  const m = useMessages(shellMessages);
  const { refresh, loadError } = useSessionContext();
  return (
    <Result
      status="warning"
      title={m.unreachableTitle}
      subTitle={loadError?.display ?? m.unreachableHint}
      extra={
        <Button type="primary" onClick={() => void refresh()}>
          {m.retry}
        </Button>
      }
    />
  );
}

/** Sends anonymous visitors to /login, remembering where they were going. */
function RequireSession({ children }: { children: ReactNode }) {
  const { status, signOutReason } = useSessionContext();
  const location = useLocation();
  if (status === 'loading') return <FullPageSpin />;
  if (status === 'unreachable') return <Unreachable />;
  if (status === 'anonymous') {
    // after an expired or idle session, come back to the same page; after a deliberate sign-out, start afresh
    const next = location.pathname + location.search;
    const keep = signOutReason !== 'logout' && next !== '/';
    return <Navigate to={keep ? `/login?next=${encodeURIComponent(next)}` : '/login'} replace />;
  }
  return <>{children}</>;
}

function LoginRoute() {
  const { status } = useSessionContext();
  return status === 'loading' ? <FullPageSpin /> : <Login />;
}

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginRoute />} />
      {standaloneRoutes.map((route) => (
        <Route key={`${route.moduleId}:${route.path}`} path={route.path} element={route.element} />
      ))}
      <Route
        element={
          <RequireSession>
            <AppLayout />
          </RequireSession>
        }
      >
        <Route index element={<Home />} />
        {moduleRoutes.map((route) => (
          <Route
            key={`${route.moduleId}:${route.path}`}
            path={route.path}
            element={<RequirePermission permission={route.permission}>{route.element}</RequirePermission>}
          />
        ))}
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
