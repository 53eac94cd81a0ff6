import { CalendarOutlined } from '@ant-design/icons';
import { defineWebModule } from '@kangyun/web-shell/module';
import type { WebArea } from './area';
import { deskArea } from './desk';
import { planningArea } from './planning';
import { examsArea } from './exams';
import { statsArea } from './stats';
import { portalArea } from './portal';

const areas: WebArea[] = [deskArea, examsArea, planningArea, statsArea, portalArea];

export default defineWebModule({
  id: 'scheduling',
  order: 30,
  menuGroup: { label: { zh: '预约挂号', en: 'Appointments' }, icon: <CalendarOutlined /> },
  routes: areas.flatMap((a) => a.routes),
  standaloneRoutes: areas.flatMap((a) => a.standaloneRoutes ?? []),
  menu: areas.flatMap((a) => a.menu),
});
