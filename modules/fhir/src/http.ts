import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Resource } from '@medplum/fhirtypes';

export const FHIR_BASE_PATH = '/fhir/R4';
export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

/** Absolute base URL as the caller reached us (behind a proxy: X-Forwarded-Proto/Host, trustProxy is on). */
export function serverBase(req: FastifyRequest): string {
  return `${req.protocol}://${req.host}${FHIR_BASE_PATH}`;
}

/** The query string as sent, keeping repeated keys and their order (repeats mean AND in FHIR search). */
export function rawQuery(req: FastifyRequest): URLSearchParams {
  const i = req.url.indexOf('?');
  return new URLSearchParams(i < 0 ? '' : req.url.slice(i + 1));
}

/** Sends one resource with the version headers FHIR clients use for caching and conditional updates. */
export function sendResource(reply: FastifyReply, resource: Resource, status = 200): FastifyReply {
  const version = resource.meta?.versionId;
  if (version) reply.header('etag', `W/"${version}"`);
  const updated = resource.meta?.lastUpdated ? new Date(resource.meta.lastUpdated) : null;
  if (updated && !Number.isNaN(updated.getTime())) reply.header('last-modified', updated.toUTCString());
  return reply.code(status).type(FHIR_JSON).send(resource);
}
