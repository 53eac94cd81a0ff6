import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { startTestPlatform, type ApiClient, type TestPlatform } from '@kangyun/server/testing/index.ts';
import { getBytes, insertAt, institutionId, qs, seedEntries } from '../test-helpers.js';

let p: TestPlatform;
let auditor: ApiClient;
let h001: number;
before(async () => {
  // no background sealer: the bulk rows of the last test are removed before anything links them
  p = await startTestPlatform({ startJobs: false });
  auditor = await p.as('auditadmin');
  h001 = await institutionId(p, 'H001');
  await seedEntries(p, { name: 'exp.user', institutionId: h001 }, [
    { action: 'test.export', entityType: 'Encounter', entityId: 'E-1', detail: { note: '含逗号,和"引号"' } },
    { action: 'test.export', outcome: 'failure', detail: { reason: 'denied' } },
  ]);
});
after(async () => { await p.close(); });

const lastExportAudit = async () =>
  (await p.kernel.pool.query("SELECT actor_name, outcome, detail FROM audit_event WHERE action = 'audit.export' ORDER BY id DESC LIMIT 1")).rows[0];

describe('export', () => {
  test('xlsx: a workbook (zip) with Chinese headers and the matching rows', async () => {
    const res = await getBytes(p, auditor, `/api/audit/export${qs({ format: 'xlsx', action: 'test.export' })}`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.equal(res.bytes.subarray(0, 2).toString('latin1'), 'PK');
    assert.match(res.headers.get('content-disposition')!, /attachment; filename\*=UTF-8''/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.bytes as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    assert.equal(sheet.getRow(1).getCell(1).value, '时间（北京时间）');
    assert.equal(sheet.rowCount, 3);
    const outcomes = [2, 3].map((r) => sheet.getRow(r).getCell(11).value);
    assert.deepEqual(outcomes.sort(), ['失败', '成功'].sort());
  });

  test('csv: UTF-8 with BOM, Chinese header, quoted fields; English when asked', async () => {
    const res = await getBytes(p, auditor, `/api/audit/export${qs({ format: 'csv', action: 'test.export' })}`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type')!, /^text\/csv/);
    assert.deepEqual([...res.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const lines = res.bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
    assert.equal(lines[0], '时间（北京时间）,链序号,用户,账号ID,机构,角色,操作,对象类型,对象ID,患者ID,结果,IP地址,客户端,详情');
    assert.equal(lines.length, 3);
    assert.ok(lines.some((l) => l.includes('示例市第一人民医院') && l.includes('\\""引号\\""')));
    assert.match(lines[1], /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3},/);
    const en = await getBytes(p, auditor, `/api/audit/export${qs({ format: 'csv', action: 'test.export' })}`, 'en-US');
    assert.ok(en.bytes.subarray(3).toString('utf8').startsWith('Time (UTC+8),Chain seq,User,'));
  });

  test('the export is itself audited with its filters and row count', async () => {
    await getBytes(p, auditor, `/api/audit/export${qs({ format: 'csv', action: 'test.export', outcome: 'failure' })}`);
    const entry = await lastExportAudit();
    assert.equal(entry.actor_name, 'auditadmin');
    assert.equal(entry.outcome, 'success');
    assert.equal(entry.detail.count, 1);
    assert.equal(entry.detail.format, 'csv');
    assert.equal(entry.detail.action, 'test.export');
    assert.equal(entry.detail.outcome, 'failure');
  });

  test('only audit administrators may export', async () => {
    for (const user of ['dr.li', 'sysadmin']) {
      const res = await getBytes(p, await p.as(user), '/api/audit/export?format=csv');
      assert.equal(res.status, 403, user);
    }
    const bad = await auditor.get('/api/audit/export?format=pdf');
    assert.equal(bad.status, 422);
  });

  test('more than 100,000 matching rows is refused (and the refusal audited) rather than cut short', async () => {
    await p.kernel.pool.query(
      `INSERT INTO audit_event (at, actor_name, institution_id, action, outcome)
       SELECT timestamptz '2024-03-01 08:00+08' + make_interval(secs => g), 'bulk', $1, 'test.bulk', 'success' FROM generate_series(1, 100001) g`,
      [h001]);
    try {
      const res = await auditor.get(`/api/audit/export${qs({ format: 'csv', from: '2024-03-01', to: '2024-03-03' })}`);
      assert.equal(res.status, 422);
      assert.equal(res.body.code, 'export_too_many');
      assert.match(res.body.title, /100000/);
      const entry = await lastExportAudit();
      assert.equal(entry.outcome, 'failure');
      assert.equal(entry.detail.reason, 'too_many_rows');
      // a narrower window is fine: 08:00:01 … 08:16:39 is 999 rows plus the header
      const ok = await getBytes(p, auditor, `/api/audit/export${qs({ format: 'csv', from: '2024-03-01T08:00:00+08:00', to: '2024-03-01T08:16:39+08:00' })}`);
      assert.equal(ok.status, 200);
      assert.equal(ok.bytes.toString('utf8').trimEnd().split('\r\n').length, 1000);
    } finally {
      // these rows were never sealed into the chain; dropping them spares the sealer 100,000 links at shutdown
      await p.kernel.pool.query(`BEGIN; ALTER TABLE audit_event DISABLE TRIGGER USER;
        DELETE FROM audit_event WHERE action = 'test.bulk' AND seq IS NULL; ALTER TABLE audit_event ENABLE TRIGGER USER; COMMIT`);
    }
  });
});
