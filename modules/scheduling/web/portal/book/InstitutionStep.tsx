import { BankOutlined, RightOutlined } from '@ant-design/icons';
import { Empty, Skeleton } from 'antd';
import { ProblemAlert } from '@kangyun/web-shell/components/ProblemAlert';
import { useRequest } from '@kangyun/web-shell/hooks/useRequest';
import { useMessages } from '@kangyun/web-shell/i18n';
import { portalApi } from '../api';
import { portalMessages } from '../messages';

export function InstitutionStep({ onPick }: { onPick: (id: number) => void }) {
  const m = useMessages(portalMessages);
  const list = useRequest((signal) => portalApi.institutions(signal), []);
  return (
    <>
      <div className="m-section-title">{m.chooseInstitution}</div>
      <ProblemAlert error={list.error} onRetry={list.reload} />
      {list.loading && !list.data ? <Skeleton active /> : null}
      {list.data?.length === 0 ? <Empty /> : null}
      {list.data?.map((i) => (
        <button key={i.id} type="button" className="m-row" onClick={() => onPick(i.id)} data-testid="institution">
          <BankOutlined style={{ fontSize: 22, color: '#1668dc' }} />
          <div className="m-row-main">
            <div className="m-row-title">{i.name}</div>
            <div className="m-row-sub">{m.departmentsCount(i.departments)}</div>
          </div>
          <RightOutlined style={{ color: '#bfbfbf' }} />
        </button>
      ))}
    </>
  );
}
