import { useMessages } from '../i18n';
import { shellMessages } from '../messages';

export function LogoMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="7" fill="#1668dc" />
      <path d="M13 7h6v6h6v6h-6v6h-6v-6H7v-6h6z" fill="#fff" />
    </svg>
  );
}

export function Logo({ collapsed = false }: { collapsed?: boolean }) {
  const m = useMessages(shellMessages);
  return (
    <span className="app-logo">
      <LogoMark />
      {collapsed ? null : <span className="app-logo-text">{m.appName}</span>}
    </span>
  );
}
