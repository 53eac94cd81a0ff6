import { Button, Flex, Tooltip, Typography } from 'antd';
import { useMessages } from '@kangyun/web-shell/i18n';
import { segment } from './format';
import { deskMessages } from './messages';
import { bySegment, slotState, type SlotState } from './slots';
import type { Slot } from './types';
import './desk.css';

/**
 * The numbers of a session by time segment (分时段): free for the desk, another channel's quota,
 * reserved for follow-ups/referrals, or taken, each with its own colour and a word on hover, so
 * the state never depends on colour alone.
 */
export function SlotGrid({ slots, selected, onSelect }: { slots: Slot[]; selected: number | null; onSelect: (slot: Slot) => void }) {
  const m = useMessages(deskMessages);
  const describe = (s: Slot, state: SlotState) => {
    if (state === 'other_channel') return `${m.legendOther}：${m.channels[s.channel ?? ''] ?? s.channel}`;
    if (state === 'reserved') return `${m.legendReserved}：${m.reserved[s.reservedFor ?? ''] ?? ''}`;
    if (state === 'taken') return m.legendTaken;
    return m.legendFree;
  };
  return (
    <div className="desk-slots" data-testid="desk-slots">
      <Flex gap={12} wrap className="desk-slot-legend" style={{ marginBottom: 8, fontSize: 12 }}>
        {(['free', 'other_channel', 'reserved', 'taken'] as SlotState[]).map((s) => (
          <span key={s}><span className={`desk-slot-swatch desk-slot-${s}`} />{{ free: m.legendFree, other_channel: m.legendOther, reserved: m.legendReserved, taken: m.legendTaken }[s]}</span>
        ))}
        <span><span className="desk-slot-swatch desk-slot-selected" />{m.legendSelected}</span>
      </Flex>
      {bySegment(slots).map((g) => (
        <Flex key={g.startsAt} gap={8} align="flex-start" style={{ marginBottom: 6 }}>
          <Typography.Text type="secondary" style={{ width: 92, flex: 'none', fontSize: 12, paddingTop: 4 }}>{segment(g.startsAt, g.endsAt)}</Typography.Text>
          <Flex gap={6} wrap>
            {g.slots.map((s) => {
              const state = slotState(s);
              const isSelected = selected === s.id;
              const label = state === 'other_channel' ? `${s.seq}·${m.channels[s.channel ?? '']?.slice(0, 2) ?? ''}` : state === 'reserved' ? `${s.seq}·${m.reserved[s.reservedFor ?? '']}` : String(s.seq);
              return (
                <Tooltip key={s.id} title={`${m.numberLabel(s.seq)} ${describe(s, state)}`}>
                  <Button
                    size="small"
                    className={`desk-slot desk-slot-${isSelected ? 'selected' : state}`}
                    disabled={state !== 'free'}
                    aria-pressed={isSelected}
                    aria-label={`${m.numberLabel(s.seq)} ${segment(s.startsAt, s.endsAt)} ${describe(s, state)}`}
                    data-seq={s.seq}
                    data-state={state}
                    onClick={() => onSelect(s)}
                  >
                    {label}
                  </Button>
                </Tooltip>
              );
            })}
          </Flex>
        </Flex>
      ))}
    </div>
  );
}
