import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useMessages } from '@kangyun/web-shell/i18n';
import { commonMessages } from '../messages/common';
import { institutionTreeData } from '../orgTree';
import type { OrgNode } from '../types';

interface Props {
  tree: OrgNode[] | undefined;
  value?: string | null;
  onChange?: (value: string | undefined) => void;
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
  return (
    <TreeSelect
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v as string | undefined)}
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
