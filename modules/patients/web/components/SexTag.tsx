import { Tag } from 'antd';
import { ManOutlined, QuestionOutlined, WomanOutlined } from '@ant-design/icons';
import { useMessages } from '@kangyun/web-shell/i18n';
import { patientMessages } from '../messages';
import type { Sex } from '../types';

export function SexTag({ sex }: { sex: Sex }) {
  const m = useMessages(patientMessages);
  if (sex === 'male') return <Tag color="blue" icon={<ManOutlined />}>{m.sexes.male}</Tag>;
  if (sex === 'female') return <Tag color="magenta" icon={<WomanOutlined />}>{m.sexes.female}</Tag>;
  return <Tag icon={<QuestionOutlined />}>{m.sexes.unknown}</Tag>;
}
