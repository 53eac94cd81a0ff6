import { Button } from 'antd';
import { FileExcelOutlined, FileTextOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { download, type Query } from '../api';
import { useFeedback } from '../feedback';
import { useMessages } from '../i18n';
import { shellMessages } from '../messages';

type Format = 'xlsx' | 'csv';

/** Buttons that download `path?format=…&<query>` from the server, which builds the file. */
export function ExportButtons({ path, query, fileName, formats = ['xlsx', 'csv'] }: { path: string; query?: Query; fileName: string; formats?: Format[] }) {
  const m = useMessages(shellMessages);
  const { message, fail } = useFeedback();
  const [busy, setBusy] = useState<Format | null>(null);

  const run = async (format: Format) => {
    setBusy(format);
    const key = `export-${path}`;
    message.loading({ content: m.exporting, key, duration: 0 });
    try {
      await download(path, { ...query, format }, `${fileName}.${format}`);
      message.destroy(key);
    } catch (error) {
      message.destroy(key);
      fail(error);
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      {formats.includes('xlsx') ? (
        <Button icon={<FileExcelOutlined />} loading={busy === 'xlsx'} disabled={busy !== null} onClick={() => void run('xlsx')}>
          {m.exportXlsx}
        </Button>
      ) : null}
      {formats.includes('csv') ? (
        <Button icon={<FileTextOutlined />} loading={busy === 'csv'} disabled={busy !== null} onClick={() => void run('csv')}>
          {m.exportCsv}
        </Button>
      ) : null}
    </>
  );
}
