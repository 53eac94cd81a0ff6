import { Button, Dropdown, Grid, type MenuProps } from 'antd';
import { EditOutlined, EyeInvisibleOutlined, EyeOutlined, MergeCellsOutlined, MoreOutlined, PrinterOutlined } from '@ant-design/icons';
import { useMessages } from '@kangyun/web-shell/i18n';
import { useCan } from '@kangyun/web-shell/session';
import { patientMessages } from '../messages';

interface Props {
  revealed: boolean;
  revealing: boolean;
  merged: boolean;
  onReveal: () => void;
  onHide: () => void;
  onEdit: () => void;
  onMerge: () => void;
}

/** Reveal / edit / merge / print. On phones the less frequent ones fold into a menu. */
export function DetailActions({ revealed, revealing, merged, onReveal, onHide, onEdit, onMerge }: Props) {
  const m = useMessages(patientMessages);
  const can = useCan();
  const phone = !Grid.useBreakpoint().md;
  const revealButton = can('patient.reveal') ? (
    revealed ? (
      <Button key="hide" icon={<EyeInvisibleOutlined />} onClick={onHide}>
        {m.hide}
      </Button>
    ) : (
      <Button key="reveal" icon={<EyeOutlined />} loading={revealing} onClick={onReveal}>
        {m.reveal}
      </Button>
    )
  ) : null;
  const editAllowed = can('patient.write') && can('patient.reveal') && !merged;
  const mergeAllowed = can('patient.merge') && !merged;

  if (phone) {
    const items: MenuProps['items'] = [
      ...(editAllowed ? [{ key: 'edit', icon: <EditOutlined />, label: m.edit }] : []),
      ...(mergeAllowed ? [{ key: 'merge', icon: <MergeCellsOutlined />, label: m.merge }] : []),
      { key: 'print', icon: <PrinterOutlined />, label: m.print },
    ];
    return (
      <>
        {revealButton}
        <Dropdown
          trigger={['click']}
          menu={{
            items,
            onClick: ({ key }) => (key === 'edit' ? onEdit() : key === 'merge' ? onMerge() : window.print()),
          }}
        >
          <Button icon={<MoreOutlined />} aria-label="more" />
        </Dropdown>
      </>
    );
  }

  return (
    <>
      {revealButton}
      {editAllowed ? (
        <Button icon={<EditOutlined />} onClick={onEdit}>
          {m.edit}
        </Button>
      ) : null}
      {mergeAllowed ? (
        <Button icon={<MergeCellsOutlined />} onClick={onMerge}>
          {m.merge}
        </Button>
      ) : null}
      <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
        {m.print}
      </Button>
    </>
  );
}
