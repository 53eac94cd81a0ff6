import { Flex, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useMessages } from '@kangyun/web-shell/i18n';
import { InstitutionSelect } from '../components/InstitutionSelect';
import { commonMessages } from '../messages/common';
import { staffMessages } from '../messages/staff';
import type { OrgNode, StaffStatus } from '../types';

export interface StaffFilterValues {
  q?: string;
  institutionId?: string;
  status?: string;
}

const statuses: StaffStatus[] = ['active', 'locked', 'disabled'];

export function StaffFilters({ value, tree, onChange }: { value: StaffFilterValues; tree: OrgNode[] | undefined; onChange: (value: StaffFilterValues) => void }) {
  const m = useMessages(staffMessages);
  const c = useMessages(commonMessages);
  const [text, setText] = useState(value.q ?? '');
  useEffect(() => setText(value.q ?? ''), [value.q]);
  return (
    <Flex gap={8} wrap style={{ marginBottom: 16 }}>
      <Input.Search
        allowClear
        placeholder={m.searchPlaceholder}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={(q) => onChange({ ...value, q: q.trim() || undefined })}
        style={{ width: 260 }}
        enterButton
      />
      <InstitutionSelect tree={tree} value={value.institutionId} allowClear placeholder={m.allInstitutions} onChange={(institutionId) => onChange({ ...value, institutionId: institutionId == null ? undefined : String(institutionId) })} style={{ width: 240 }} />
      <Select
        allowClear
        placeholder={m.allStatuses}
        value={value.status}
        onChange={(status) => onChange({ ...value, status })}
        options={statuses.map((s) => ({ value: s, label: c.staffStatus[s] }))}
        style={{ width: 140 }}
      />
    </Flex>
  );
}
