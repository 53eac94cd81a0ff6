import { Segmented } from 'antd';
import { setLang, useLang, type Lang } from '../i18n';

export function LanguageSwitch({ size = 'small' }: { size?: 'small' | 'middle' }) {
  const lang = useLang();
  return (
    <Segmented<Lang>
      size={size}
      value={lang}
      onChange={setLang}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'EN', value: 'en-US' },
      ]}
      aria-label="Language / 语言"
    />
  );
}
