import type { SchedulingArea } from '../area.js';
import { catalogueRoutes } from './catalogue-routes.js';
import { appointmentRoutes } from './appointment-routes.js';
import { waitlistRoutes } from './waitlist-routes.js';
import { inboxRoutes } from './inbox-routes.js';
import { PORTAL_MESSAGES } from './messages.js';

/**
 * Scheduling for patients on their phones (pages under /m/): what can be booked (public), and the
 * signed-in patient's own bookings, waiting-list entries and messages (portal session, patient
 * identity from the patients module's /api/portal/login). Booking uses the 微信/H5 channel.
 */
export const portalArea: SchedulingArea = {
  messages: PORTAL_MESSAGES,
  routes(app, kernel) {
    catalogueRoutes(app, kernel);
    appointmentRoutes(app, kernel);
    waitlistRoutes(app, kernel);
    inboxRoutes(app, kernel);
  },
};
