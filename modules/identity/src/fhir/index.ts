import type { FhirResourceProvider } from '@kangyun/kernel';
import { locationProvider } from './location.js';
import { organizationProvider } from './organization.js';
import { practitionerRoleProvider } from './practitioner-role.js';
import { practitionerProvider } from './practitioner.js';

/** Practitioner, PractitionerRole, Organization and Location mapped from the identity tables. */
export const identityFhirProviders: FhirResourceProvider[] = [practitionerProvider, practitionerRoleProvider, organizationProvider, locationProvider];
