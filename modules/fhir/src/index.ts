import type { KangyunModule } from '@kangyun/kernel';
export const fhirModule: KangyunModule = { name: 'fhir' };
