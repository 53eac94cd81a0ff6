import { CalendarOutlined, LeftOutlined, MessageOutlined, ProfileOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { NavLink, useNavigate } from 'react-router-dom';
import { useMessages } from '@kangyun/web-shell/i18n';
import { portalApi } from '../api';
import { portalMessages } from '../messages';
import { useOptionalPatient } from '../patient';
import '../mobile.css';

/**
 * The phone frame of the patient pages: a header with the page title (and a back arrow when the
 * page is a step down), the page, and the bottom navigation 预约挂号 / 我的预约 / 我的消息.
 */
export function MobileLayout({ title, back, extra, nav = true, children }: {
  title: ReactNode;
  /** where the back arrow goes; true = the browser's previous page */
  back?: string | true | (() => void);
  extra?: ReactNode;
  nav?: boolean;
  children: ReactNode;
}) {
  const m = useMessages(portalMessages);
  const navigate = useNavigate();
  useEffect(() => {
    if (typeof title === 'string') document.title = `${title} · ${m.brand}`;
  }, [title, m.brand]);
  const goBack = () => {
    if (typeof back === 'function') back();
    else if (typeof back === 'string') navigate(back);
    else navigate(-1);
  };
  return (
    <div className={`m-shell${nav ? ' m-with-nav' : ''}`}>
      <header className="m-header">
        <div className="m-header-side">
          {back ? <Button type="text" size="large" icon={<LeftOutlined />} aria-label={m.back} onClick={goBack} /> : null}
        </div>
        <h1 className="m-title">{title}</h1>
        <div className="m-header-side m-header-extra">{extra}</div>
      </header>
      <main className="m-main">{children}</main>
      {nav ? <BottomNav /> : null}
    </div>
  );
}

function BottomNav() {
  const m = useMessages(portalMessages);
  const patient = useOptionalPatient();
  const [unread, setUnread] = useState(0);
  useEffect(() => {
    if (!patient) return;
    const controller = new AbortController();
    portalApi.unread(controller.signal).then((r) => setUnread(r.unread)).catch(() => undefined);
    return () => controller.abort();
  }, [patient]);
  const items = [
    { to: '/m/book', icon: <CalendarOutlined />, label: m.navBook },
    { to: '/m/appointments', icon: <ProfileOutlined />, label: m.navAppointments },
    { to: '/m/messages', icon: <Badge count={unread} size="small" offset={[6, 0]}><MessageOutlined /></Badge>, label: m.navMessages },
  ];
  return (
    <nav className="m-tabbar" aria-label={m.brand}>
      {items.map((item) => (
        <NavLink key={item.to} to={item.to} className={({ isActive }) => `m-tab${isActive ? ' m-tab-active' : ''}`}>
          <span className="m-tab-icon">{item.icon}</span>
          <span className="m-tab-label">{item.label}</span>
        </NavLink>
      ))}
    </nav>
  );
}
