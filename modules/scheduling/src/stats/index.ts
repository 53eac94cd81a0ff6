import type { SchedulingArea } from '../area.js';
import { statsRoutes } from './routes.js';
import { dayListRoutes } from './day-list.js';
import { STATS_MESSAGES } from './messages.js';

/** 预约统计: bookings by channel, department and day; no-shows, cancellations, utilisation; Excel export */
export const statsArea: SchedulingArea = {
  messages: STATS_MESSAGES,
  routes(app, kernel) {
    statsRoutes(app, kernel);
    dayListRoutes(app, kernel);
  },
};

export { statsReport, type StatsReport } from './report.js';
export { resolveStatsFilter, type StatsFilter } from './filter.js';
