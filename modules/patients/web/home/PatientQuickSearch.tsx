import { Button, Card, Flex, Input } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useMessages } from '@kangyun/web-shell/i18n';
import { useCan } from '@kangyun/web-shell/session';
import { patientMessages } from '../messages';

/** Home card for clinical and registration staff: search straight from the workbench. */
export function PatientQuickSearch() {
  const m = useMessages(patientMessages);
  const navigate = useNavigate();
  const can = useCan();
  return (
    <Card variant="borderless" title={m.quickSearch} style={{ height: '100%' }}>
      <Flex vertical gap={12}>
        <Input.Search
          size="large"
          enterButton
          allowClear
          placeholder={m.searchPlaceholder}
          onSearch={(q) => q.trim() && navigate(`/patients?q=${encodeURIComponent(q.trim())}`)}
        />
        {can('patient.write') ? (
          <Link to="/patients/new">
            <Button icon={<UserAddOutlined />}>{m.register}</Button>
          </Link>
        ) : null}
      </Flex>
    </Card>
  );
}
