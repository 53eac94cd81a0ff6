import { ApartmentOutlined, BankOutlined, GlobalOutlined } from '@ant-design/icons';
import type { OrgKind } from '../types';

export function OrgNodeIcon({ kind }: { kind: OrgKind }) {
  if (kind === 'region') return <GlobalOutlined style={{ color: '#1668dc' }} />;
  if (kind === 'institution') return <BankOutlined style={{ color: '#13a8a8' }} />;
  return <ApartmentOutlined style={{ color: '#8c8c8c' }} />;
}
