import { Card, Checkbox, Col, Empty, Flex, Input, Row, Tag, Typography } from 'antd';
import { AppstoreOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { useLocalize, useMessages } from '@kangyun/web-shell/i18n';
import { permissionGroupNames } from '../messages/common';
import { roleMessages } from '../messages/roles';
import type { Permission } from '../types';

interface Props {
  catalogue: Permission[];
  value?: string[];
  onChange?: (value: string[]) => void;
  disabled?: boolean;
}

interface Group {
  group: string;
  menu: Permission[];
  action: Permission[];
}

function groupCatalogue(catalogue: Permission[]): Group[] {
  const groups = new Map<string, Group>();
  for (const p of catalogue) {
    const g = groups.get(p.group) ?? { group: p.group, menu: [], action: [] };
    (p.kind === 'menu' ? g.menu : g.action).push(p);
    groups.set(p.group, g);
  }
  return [...groups.values()];
}

/** The permission catalogue grouped by area, menu permissions apart from action permissions. */
export function PermissionPicker({ catalogue, value = [], onChange, disabled }: Props) {
  const m = useMessages(roleMessages);
  const t = useLocalize();
  const [search, setSearch] = useState('');
  const text = search.trim().toLowerCase();
  const selected = useMemo(() => new Set(value), [value]);
  const groups = useMemo(() => {
    const visible = text ? catalogue.filter((p) => p.code.toLowerCase().includes(text) || t(p.name).toLowerCase().includes(text)) : catalogue;
    return groupCatalogue(visible);
  }, [catalogue, text, t]);

  const set = (codes: string[], on: boolean) => {
    const next = new Set(selected);
    codes.forEach((code) => (on ? next.add(code) : next.delete(code)));
    // keep catalogue order so the payload is stable
    onChange?.(catalogue.map((p) => p.code).filter((code) => next.has(code)));
  };

  const renderKind = (items: Permission[], icon: React.ReactNode, label: string, hint: string) =>
    items.length ? (
      <div style={{ marginTop: 8 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }} title={hint}>
          {icon} {label}
        </Typography.Text>
        <Row gutter={[8, 4]} style={{ marginTop: 4 }}>
          {items.map((p) => (
            <Col key={p.code} xs={24} sm={12}>
              <Checkbox checked={selected.has(p.code)} disabled={disabled} onChange={(e) => set([p.code], e.target.checked)}>
                {t(p.name)}{' '}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {p.code}
                </Typography.Text>
              </Checkbox>
            </Col>
          ))}
        </Row>
      </div>
    ) : null;

  return (
    <Flex vertical gap={12}>
      <Input.Search allowClear placeholder={m.permissionSearch} value={search} onChange={(e) => setSearch(e.target.value)} />
      {groups.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> : null}
      {groups.map((g) => {
        const codes = [...g.menu, ...g.action].map((p) => p.code);
        const count = codes.filter((code) => selected.has(code)).length;
        const name = permissionGroupNames[g.group] ? t(permissionGroupNames[g.group]) : g.group;
        return (
          <Card
            key={g.group}
            size="small"
            title={
              <Checkbox
                checked={count === codes.length}
                indeterminate={count > 0 && count < codes.length}
                disabled={disabled}
                onChange={(e) => set(codes, e.target.checked)}
              >
                <Typography.Text strong>{name}</Typography.Text>
              </Checkbox>
            }
            extra={<Tag bordered={false}>{m.selectedCount(count, codes.length)}</Tag>}
          >
            {renderKind(g.menu, <AppstoreOutlined />, m.menuPermissions, m.menuPermissionsHint)}
            {renderKind(g.action, <ThunderboltOutlined />, m.actionPermissions, m.actionPermissionsHint)}
          </Card>
        );
      })}
    </Flex>
  );
}
