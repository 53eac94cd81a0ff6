import { Radio, Space, Typography } from 'antd';
import { useMessages } from '@kangyun/web-shell/i18n';
import { commonMessages } from '../messages/common';
import type { DataScope } from '../types';

export const dataScopes: DataScope[] = ['own', 'department', 'institution', 'region'];

/** 本人 / 本科室 / 本机构 / 本区域, each with a one-line explanation. */
export function DataScopeField({ value, onChange, disabled }: { value?: DataScope; onChange?: (value: DataScope) => void; disabled?: boolean }) {
  const m = useMessages(commonMessages);
  return (
    <Radio.Group value={value} onChange={(e) => onChange?.(e.target.value as DataScope)} disabled={disabled}>
      <Space orientation="vertical" size={4}>
        {dataScopes.map((scope) => (
          <Radio key={scope} value={scope}>
            {m.dataScope[scope]}
            <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
              {m.dataScopeHelp[scope]}
            </Typography.Text>
          </Radio>
        ))}
      </Space>
    </Radio.Group>
  );
}
