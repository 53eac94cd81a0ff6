export { portalRoutes } from './routes.js';
export type { PortalPatient } from './identity.js';
