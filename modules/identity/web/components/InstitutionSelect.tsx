import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useMessages } from '@kangyun/web-shell/i18n';
import { commonMessages } from '../messages/common';
import { findNode, institutionTreeData } from '../orgTree';
import type { Id, OrgNode } from '../types';

interface Props {
  tree: OrgNode[] | undefined;
  value?: Id | null;
  onChange?: (value: Id | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  loading?: boolean;
  id?: string;
}

/** Pick an institution; regions are shown as non-selectable groups. */
export function InstitutionSelect({ tree, value, onChange, placeholder, allowClear, style, loading, id }: Props) {
  const m = useMessages(commonMessages);
  const data = useMemo(() => institutionTreeData(tree ?? []), [tree]);
  // values from the address bar are strings; map them onto the tree's own ids
  const current = value == null || value === '' ? undefined : findNode(tree ?? [], value)?.node.id ?? value;
  return (
    <TreeSelect
      id={id}
      value={current}
      onChange={(v) => onChange?.(v as Id | undefined)}
      treeData={data}
      treeDefaultExpandAll
      showSearch={{ treeNodeFilterProp: 'title' }}
      allowClear={allowClear}
      placeholder={placeholder ?? m.selectInstitution}
      style={{ width: '100%', ...style }}
      loading={loading}
      popupMatchSelectWidth={false}
    />
  );
}
