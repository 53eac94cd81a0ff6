import type { FastifyReply } from 'fastify';
import ExcelJS from 'exceljs';

export interface ExportColumn {
  header: string;
  key: string;
  width?: number;
}

function cell(v: unknown): string | number | Date | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date || typeof v === 'number') return v;
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function csvField(v: unknown): string {
  const c = cell(v);
  const s = c instanceof Date ? c.toISOString() : c === null ? '' : String(c);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Sends rows as an Excel workbook or a UTF-8 CSV (with BOM, so Excel on Windows reads Chinese correctly). */
export async function sendTable(reply: FastifyReply, format: 'xlsx' | 'csv', title: string, columns: ExportColumn[], rows: Record<string, unknown>[]) {
  const stamp = new Date().toISOString().slice(0, 10);
  const fileName = encodeURIComponent(`${title}-${stamp}.${format}`);
  reply.header('content-disposition', `attachment; filename*=UTF-8''${fileName}`);
  if (format === 'csv') {
    const lines = [columns.map((c) => csvField(c.header)).join(','), ...rows.map((r) => columns.map((c) => csvField(r[c.key])).join(','))];
    return reply.type('text/csv; charset=utf-8').send(`\ufeff${lines.join('\r\n')}\r\n`);
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kangyun';
  const sheet = workbook.addWorksheet(title.slice(0, 31));
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? Math.max(12, c.header.length * 2 + 2) }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of rows) sheet.addRow(Object.fromEntries(columns.map((c) => [c.key, cell(r[c.key])])));
  const buffer = await workbook.xlsx.writeBuffer();
  return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(Buffer.from(buffer));
}
