import type { ReactNode } from 'react';
import { Navigate } from 'react-router-dom';
import { lazyPage } from '@kangyun/web-shell/components/lazyPage';
import type { WebArea } from '../area';
import { RequirePatient } from './patient';

const patientPage = (page: ReactNode) => <RequirePatient>{page}</RequirePatient>;

/**
 * Patients' phone pages (opened from a link or QR code, no staff login): /m/login, /m/book,
 * /m/appointments, /m/appointments/:id, /m/messages. Check-in (/m/checkin/:id) and the live queue
 * (/m/queue/:id) are the queue module's pages; these pages link to them.
 */
export const portalArea: WebArea = {
  routes: [],
  menu: [],
  standaloneRoutes: [
    { path: '/m', element: <Navigate to="/m/book" replace /> },
    { path: '/m/login', element: lazyPage(() => import('./pages/LoginPage')) },
    { path: '/m/book', element: patientPage(lazyPage(() => import('./pages/BookPage'))) },
    { path: '/m/appointments', element: patientPage(lazyPage(() => import('./pages/AppointmentsPage'))) },
    { path: '/m/appointments/:id', element: patientPage(lazyPage(() => import('./pages/AppointmentDetailPage'))) },
    { path: '/m/messages', element: patientPage(lazyPage(() => import('./pages/MessagesPage'))) },
  ],
};
