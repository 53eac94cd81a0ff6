import type { FhirResourceProvider } from '@kangyun/kernel';
/** Practitioner, PractitionerRole, Organization and Location mapped from the identity tables. */
export const identityFhirProviders: FhirResourceProvider[] = [];
