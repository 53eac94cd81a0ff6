import type { SchedulingArea } from '../area.js';
import { PLANNING_FIELD_LABELS, PLANNING_MESSAGES } from './messages.js';
import { startPlanningJobs } from './jobs.js';
import { calendarRoutes } from './routes/calendar.js';
import { resourceRoutes } from './routes/resources.js';
import { ruleRoutes } from './routes/rules.js';
import { planningSessionRoutes } from './routes/sessions.js';
import { templateRoutes } from './routes/templates.js';

/**
 * Planning (排班与号源): bookable resources, weekly templates and their generation, temporary
 * sessions, seasonal hours, the holiday calendar, the number-pool editor, substitution and
 * suspension, the booking-rules editor, and the day-before reminder and no-show jobs.
 */
export const planningArea: SchedulingArea = {
  messages: { ...PLANNING_MESSAGES, ...PLANNING_FIELD_LABELS },
  routes(app, kernel) {
    resourceRoutes(app, kernel);
    templateRoutes(app, kernel);
    calendarRoutes(app, kernel);
    planningSessionRoutes(app, kernel);
    ruleRoutes(app, kernel);
  },
  start(kernel) {
    startPlanningJobs(kernel);
  },
};

export { seedPlanningDemo, HOLIDAYS_2026, HOLIDAYS_2027 } from './demo.js';
export { queueDayBeforeReminders, markNoShows, reminderKey, NOSHOW_GRACE_MINUTES } from './jobs.js';
export { runGeneration, type GenerationCounts } from './generate.js';
