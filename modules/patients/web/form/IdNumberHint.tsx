import { Typography } from 'antd';
import { CheckCircleOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useMessages } from '@kangyun/web-shell/i18n';
import { parseResidentId } from '../idCard';
import { patientMessages } from '../messages';

/** Live feedback under the ID number: what was read from it, or how many characters are still missing. */
export function IdNumberHint({ idNumber }: { idNumber?: string }) {
  const m = useMessages(patientMessages);
  const text = idNumber?.trim() ?? '';
  if (!text) return null;
  const info = parseResidentId(text);
  if (info.valid && info.birthDate && info.sex) {
    const age = dayjs().diff(dayjs(info.birthDate), 'year');
    return (
      <Typography.Text type="success" data-testid="id-derived">
        <CheckCircleOutlined /> {m.idDerived(info.birthDate, m.sexes[info.sex], age)}
      </Typography.Text>
    );
  }
  // malformed numbers are reported by the field's validator when the user leaves the field
  if (info.problem === 'incomplete') return <Typography.Text type="secondary">{m.idTyped(text.length)}</Typography.Text>;
  return null;
}
