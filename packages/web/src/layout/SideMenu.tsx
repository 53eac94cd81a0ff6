import { Menu, type MenuProps } from 'antd';
import { HomeOutlined } from '@ant-design/icons';
import { useLocation, useNavigate } from 'react-router-dom';
import { useMessages, useLocalize } from '../i18n';
import { matchMenuKey, useVisibleMenu } from '../menu';
import { shellMessages } from '../messages';

export function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const m = useMessages(shellMessages);
  const t = useLocalize();
  const groups = useVisibleMenu();
  const { pathname } = useLocation();
  const navigate = useNavigate();

  const paths = new Map<string, string>([['home', '/']]);
  const items: MenuProps['items'] = [{ key: 'home', icon: <HomeOutlined />, label: m.home }];
  for (const group of groups) {
    const entries = group.items.map((item) => {
      paths.set(item.key, item.path);
      return { key: item.key, icon: item.icon, label: t(item.label) };
    });
    if (group.label && entries.length > 1) {
      items.push({ key: `group:${group.key}`, icon: group.icon, label: t(group.label), children: entries });
    } else {
      items.push(...entries);
    }
  }

  const selected = pathname === '/' ? 'home' : matchMenuKey(groups, pathname);
  const openGroup = groups.find((g) => g.items.some((i) => i.key === selected));

  return (
    <Menu
      mode="inline"
      theme="dark"
      selectedKeys={selected ? [selected] : []}
      defaultOpenKeys={openGroup ? [`group:${openGroup.key}`] : []}
      items={items}
      onClick={({ key }) => {
        const path = paths.get(key);
        if (path) {
          navigate(path);
          onNavigate?.();
        }
      }}
    />
  );
}
