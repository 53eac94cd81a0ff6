import type { SchedulingArea } from '../area.js';
import { bookingRoutes } from './booking-routes.js';
import { catalogueRoutes } from './catalogue-routes.js';
import { EXAM_FIELD_LABELS, EXAM_MESSAGES } from './messages.js';

/**
 * 检查预约: the exam item catalogue, the rules library, booking exams into timed sessions and
 * planning order sets (routes under /api/scheduling/exam-*).
 */
export const examsArea: SchedulingArea = {
  messages: { ...EXAM_MESSAGES, ...EXAM_FIELD_LABELS },
  routes(app, kernel) {
    catalogueRoutes(app, kernel);
    bookingRoutes(app, kernel);
  },
};

export { seedExamsDemo } from './demo.js';
export { bookExam, type ExamBookingRequest } from './book-exam.js';
export { confirmHeldExam, rescheduleExam } from './reschedule-exam.js';
export { readExamAppointment, type ExamAppointmentView } from './exam-view.js';
export { planExams, type PlanInput, type PlanResult } from './planner.js';
export { loadPlanData } from './plan-loader.js';
export { examOptions } from './options.js';
export { examNoticeText, preparationText } from './notice.js';
