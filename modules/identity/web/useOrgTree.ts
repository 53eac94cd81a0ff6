import { useRequest } from '@kangyun/web-shell/hooks/useRequest';
import { orgApi } from './api';

export function useOrgTree() {
  return useRequest((signal) => orgApi.tree(signal), []);
}
