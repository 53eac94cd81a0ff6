import { Typography } from 'antd';
import { LogoMark } from '../../layout/Logo';
import { useLang, useMessages } from '../../i18n';
import { shellMessages } from '../../messages';

const points = {
  'zh-CN': ['居民健康档案区域共享', '医院、社区卫生服务中心与卫生健康委一体协同', '分级授权，全程留痕可追溯'],
  'en-US': ['One health record shared across the region', 'Hospitals, community health centres and the health commission on one platform', 'Role-based access with a tamper-evident audit trail'],
};

export function LoginBrand() {
  const m = useMessages(shellMessages);
  const lang = useLang();
  return (
    <div className="login-brand">
      <div className="login-brand-title">
        <LogoMark size={40} />
        <div>
          <div className="login-brand-name">{m.appName}</div>
          <div className="login-brand-sub">{m.appSubtitle}</div>
        </div>
      </div>
      <ul className="login-brand-points">
        {points[lang].map((p) => (
          <li key={p}>
            <Typography.Text style={{ color: 'inherit' }}>{p}</Typography.Text>
          </li>
        ))}
      </ul>
    </div>
  );
}
