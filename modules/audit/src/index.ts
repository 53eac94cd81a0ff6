import type { KangyunModule } from '@kangyun/kernel';
export const auditModule: KangyunModule = { name: 'audit' };
