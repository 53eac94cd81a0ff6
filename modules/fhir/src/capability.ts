import type { CapabilityStatement, CapabilityStatementRestResource, CapabilityStatementRestResourceOperation } from '@medplum/fhirtypes';
import type { FhirOperationDef, FhirResourceProvider } from '@kangyun/kernel';
import { interactionsOf, type ProviderRegistry } from './registry.js';
import { DEFAULT_COUNT, MAX_COUNT } from './search-request.js';

const SOFTWARE_VERSION = '0.1.0';

/** An operation and, since our inputs go beyond the OperationDefinition's, the parameters we take. */
function operationEntry(op: FhirOperationDef): CapabilityStatementRestResourceOperation {
  const params = op.parameters.map((p) => `${p.name} (${p.type}, ${p.min}..${p.max}): ${p.documentation}`).join('\n');
  const how = op.affectsState ? 'POST' : 'GET or POST';
  return { name: op.name, definition: op.definition, documentation: `${op.documentation}\n${how}. Parameters:\n${params}` };
}

function resourceEntry(p: FhirResourceProvider): CapabilityStatementRestResource {
  return {
    type: p.type,
    ...(p.profile ? { profile: p.profile } : {}),
    interaction: interactionsOf(p).map((code) => ({ code })),
    // vread answers the current version only (so Location headers resolve): no history is kept
    readHistory: false,
    updateCreate: false,
    searchParam: p.searchParams.map((s) => ({ name: s.name, type: s.type, documentation: s.documentation })),
    ...(p.operations?.length ? { operation: p.operations.map(operationEntry) } : {}),
  };
}

/** What this server offers, derived from the registered providers (R4 §3.1.0.9, GET [base]/metadata). */
export function capabilityStatement(registry: ProviderRegistry, base: string, date: string): CapabilityStatement {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date,
    publisher: 'Kangyun 康云',
    kind: 'instance',
    software: { name: 'Kangyun 康云', version: SOFTWARE_VERSION },
    implementation: { description: '康云 Kangyun FHIR R4 API', url: base },
    fhirVersion: '4.0.1',
    format: ['json'],
    rest: [{
      mode: 'server',
      documentation: 'Responses are application/fhir+json; errors are OperationOutcome in the caller\'s Accept-Language (zh or en). '
        + 'Unknown search parameters are ignored unless the request sends "Prefer: handling=strict".',
      security: {
        cors: false,
        service: [{
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/restful-security-service', code: 'OAuth', display: 'OAuth' }],
          text: 'OAuth 2.0',
        }],
        description: 'OAuth 2.0 client credentials grant: POST /oauth2/token, then send "Authorization: Bearer <token>". '
          + 'The client\'s scopes decide which resource types it may read and write. SMART on FHIR (launch, user-facing apps) is not supported.',
      },
      resource: [...registry.values()].sort((a, b) => a.type.localeCompare(b.type)).map(resourceEntry),
      searchParam: [
        { name: '_count', type: 'number', documentation: `Page size, default ${DEFAULT_COUNT}, at most ${MAX_COUNT} (larger values are lowered).` },
        { name: '_offset', type: 'number', documentation: 'Number of matches to skip; the Bundle\'s next/previous links carry it.' },
      ],
    }],
  };
}
