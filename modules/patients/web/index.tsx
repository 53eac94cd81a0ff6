import { SearchOutlined, UserAddOutlined } from '@ant-design/icons';
import { lazyPage } from '@kangyun/web-shell/components/lazyPage';
import { defineWebModule } from '@kangyun/web-shell/module';
import { PatientQuickSearch } from './home/PatientQuickSearch';
import { patientMessages } from './messages';

const zh = patientMessages['zh-CN'];
const en = patientMessages['en-US'];

export default defineWebModule({
  id: 'patients',
  order: 10,
  routes: [
    { path: '/patients', permission: 'patient.read', element: lazyPage(() => import('./search/PatientSearchPage')) },
    { path: '/patients/new', permission: 'patient.write', element: lazyPage(() => import('./register/RegisterPatientPage')) },
    { path: '/patients/:id', permission: 'patient.read', element: lazyPage(() => import('./detail/PatientDetailPage')) },
    { path: '/patients/:id/edit', permission: 'patient.write', element: lazyPage(() => import('./edit/EditPatientPage')) },
  ],
  menu: [
    {
      key: 'patients',
      path: '/patients',
      icon: <SearchOutlined />,
      label: { zh: zh.menuSearch, en: en.menuSearch },
      description: { zh: zh.menuSearchDesc, en: en.menuSearchDesc },
      permission: 'patient.read',
    },
    {
      key: 'patients-new',
      path: '/patients/new',
      icon: <UserAddOutlined />,
      label: { zh: zh.menuRegister, en: en.menuRegister },
      description: { zh: zh.menuRegisterDesc, en: en.menuRegisterDesc },
      permission: 'patient.write',
    },
  ],
  home: [{ key: 'patient-search', permission: 'patient.read', element: <PatientQuickSearch />, order: 10 }],
});
