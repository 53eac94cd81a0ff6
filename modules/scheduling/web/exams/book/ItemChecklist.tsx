import { Checkbox, Flex, Tag, Typography } from 'antd';
import { useMessages } from '@kangyun/web-shell/i18n';
import { examMessages } from '../messages';
import { MODALITIES, type ExamItem } from '../types';

/** the order set: exam items grouped by modality, each with its duration and what it needs */
export function ItemChecklist({ items, value, onChange }: { items: ExamItem[]; value: number[]; onChange: (ids: number[]) => void }) {
  const m = useMessages(examMessages);
  const toggle = (id: number, on: boolean) => onChange(on ? [...value, id] : value.filter((x) => x !== id));
  return (
    <Flex vertical gap={8} data-testid="exam-item-checklist">
      {MODALITIES.map((mod) => {
        const group = items.filter((i) => i.modality === mod && i.active);
        if (!group.length) return null;
        return (
          <Flex key={mod} gap={8} align="baseline" wrap>
            <Typography.Text type="secondary" style={{ width: 72, flex: 'none' }}>{m.modality[mod]}</Typography.Text>
            <Flex gap={4} wrap style={{ flex: 1 }}>
              {group.map((i) => (
                // the preparation as a plain hover title: a tooltip layer would cover the neighbouring boxes
                <Checkbox key={i.id} title={i.preparation || m.noPrep} checked={value.includes(i.id)} onChange={(e) => toggle(i.id, e.target.checked)}>
                  {i.name}
                  <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 4 }}>{m.minutes(i.durationMinutes)}</Typography.Text>
                  {i.fasting ? <Tag color="orange" style={{ marginLeft: 4 }}>{m.fasting}</Tag> : null}
                  {i.contrast ? <Tag color="purple" style={{ marginLeft: 4 }}>{m.contrast}</Tag> : null}
                </Checkbox>
              ))}
            </Flex>
          </Flex>
        );
      })}
    </Flex>
  );
}
