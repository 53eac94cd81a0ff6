import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useMessages } from '../i18n';
import { shellMessages } from '../messages';

export function Forbidden() {
  const m = useMessages(shellMessages);
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title={m.forbiddenTitle}
      subTitle={m.forbiddenHint}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {m.backHome}
        </Button>
      }
    />
  );
}
