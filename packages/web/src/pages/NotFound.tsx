import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useMessages } from '../i18n';
import { shellMessages } from '../messages';

export default function NotFound() {
  const m = useMessages(shellMessages);
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={m.notFoundTitle}
      subTitle={m.notFoundHint}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {m.backHome}
        </Button>
      }
    />
  );
}
