import type { FastifyInstance } from 'fastify';
import { fieldError, invalid, notFound, type Kernel } from '@kangyun/kernel';
import { departmentInfo, hospitalDate, PORTAL_DAYS, portalDepartments, portalInstitutions, portalSegments, portalSession, portalSessions } from './catalogue.js';
import { dateRange, idParams, tags } from './schemas.js';

const MAX_RANGE_DAYS = 31;

function range(q: { from?: string; to?: string }): { from: string; to: string } {
  const from = q.from ?? hospitalDate(0);
  const to = q.to ?? hospitalDate(PORTAL_DAYS - 1, new Date(`${from}T12:00:00+08:00`));
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  if (days < 0) throw invalid([fieldError('to', 'before_from', 'scheduling.end_before_start')]);
  if (days >= MAX_RANGE_DAYS) throw invalid([fieldError('to', 'too_long', 'scheduling.portal.range_too_long')]);
  return { from, to };
}

/**
 * What can be booked, for the phone pages: published capacity only (institutions, departments,
 * doctors' sessions and free counts), no patient data, so it is public like a printed clinic timetable.
 */
export function catalogueRoutes(app: FastifyInstance, kernel: Kernel): void {
  app.get('/api/portal/institutions', {
    config: { public: true },
    schema: { tags, summary: '可网上预约的医疗机构' },
  }, async () => portalInstitutions(kernel.pool));

  app.get('/api/portal/institutions/:id/departments', {
    config: { public: true },
    schema: { tags, summary: '机构的门诊科室：医生数、号别、未来 14 天微信/H5 可约号数、接诊限制（性别、年龄）', params: idParams },
  }, async (req) => {
    const { id } = req.params as { id: number };
    const departments = await portalDepartments(kernel.pool, id, hospitalDate(0), hospitalDate(PORTAL_DAYS - 1));
    if (!departments.length) {
      const { rows } = await kernel.pool.query(`SELECT 1 FROM org_unit WHERE id = $1 AND kind = 'institution'`, [id]);
      if (!rows[0]) throw notFound();
    }
    return departments;
  });

  app.get('/api/portal/departments/:id/sessions', {
    config: { public: true },
    schema: { tags, summary: '科室的医生出诊（默认今天起 14 天）：号别、挂号费、诊室、微信/H5 余号、状态', params: idParams, querystring: dateRange },
  }, async (req) => {
    const { id } = req.params as { id: number };
    const department = await departmentInfo(kernel.pool, id);
    if (!department) throw notFound('scheduling.portal.department_unknown');
    const { from, to } = range(req.query as { from?: string; to?: string });
    return { department, from, to, sessions: await portalSessions(kernel.pool, id, from, to) };
  });

  app.get('/api/portal/sessions/:id', {
    config: { public: true },
    schema: { tags, summary: '一个出诊单元及其分时段余号（微信/H5 渠道）', params: idParams },
  }, async (req) => {
    const { id } = req.params as { id: number };
    const session = await portalSession(kernel.pool, id);
    if (!session) throw notFound();
    return { session, segments: session.state === 'bookable' || session.state === 'full' ? await portalSegments(kernel.pool, id) : [] };
  });
}

