import { Select } from 'antd';
import { useRequest } from '@kangyun/web-shell/hooks/useRequest';
import { useMessages } from '@kangyun/web-shell/i18n';
import { roleApi } from '../api';
import { commonMessages } from '../messages/common';
import type { Id } from '../types';

interface Props {
  institutionId?: Id;
  value?: Id;
  onChange?: (value: Id | undefined) => void;
  id?: string;
}

/** Roles usable in an institution (its own roles and platform-wide ones). */
export function RoleSelect({ institutionId, value, onChange, id }: Props) {
  const m = useMessages(commonMessages);
  const roles = useRequest((signal) => roleApi.list(institutionId, signal), [institutionId], { enabled: !!institutionId });
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      loading={roles.loading}
      disabled={!institutionId}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={institutionId ? m.selectRole : m.selectInstitutionFirst}
      options={(institutionId ? roles.data ?? [] : []).map((r) => ({ value: r.id, label: r.name }))}
      style={{ width: '100%' }}
    />
  );
}
