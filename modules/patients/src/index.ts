import type { KangyunModule } from '@kangyun/kernel';
export const patientsModule: KangyunModule = { name: 'patients' };
