import { Select } from 'antd';
import { useMemo } from 'react';
import { useMessages } from '@kangyun/web-shell/i18n';
import { commonMessages } from '../messages/common';
import { departmentsOf } from '../orgTree';
import type { Id, OrgNode } from '../types';

interface Props {
  tree: OrgNode[] | undefined;
  institutionId?: Id;
  value?: Id | null;
  onChange?: (value: Id | null) => void;
  id?: string;
}

/** Departments of one institution; empty means the whole institution. */
export function DepartmentSelect({ tree, institutionId, value, onChange, id }: Props) {
  const m = useMessages(commonMessages);
  const options = useMemo(
    () => (institutionId ? departmentsOf(tree ?? [], institutionId).map((d) => ({ value: d.id, label: d.name })) : []),
    [tree, institutionId],
  );
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      disabled={!institutionId}
      placeholder={institutionId ? m.selectDepartment : m.selectInstitutionFirst}
      style={{ width: '100%' }}
    />
  );
}
