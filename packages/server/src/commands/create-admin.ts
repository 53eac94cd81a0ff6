import { migrate, withTransaction, writeAudit, type KangyunConfig } from '@kangyun/kernel';
import { migrationSources, openKernel } from '../platform.js';
import { modules } from '../modules.js';

interface Options { kind?: string; username?: string; name?: string; institution?: string; region?: string }

const ROLE_OF: Record<string, string> = { system: 'system_admin', security: 'security_admin', audit: 'audit_admin' };

/**
 * Creates one of the three administrators. On an empty database it also creates the region and
 * the first institution. The initial password is printed once and must be changed at first login;
 * the TOTP second factor is enrolled at first login.
 */
export async function runCreateAdmin(config: KangyunConfig, opts: Options): Promise<number> {
  const role = opts.kind ? ROLE_OF[opts.kind] : undefined;
  if (!role || !opts.username || !/^[A-Za-z0-9_.-]{2,40}$/.test(opts.username)) {
    console.error('usage: kangyun create-admin --kind system|security|audit --username NAME [--name 显示名] [--institution 机构名 --region 区域名]');
    return 2;
  }
  const { kernel, embedded } = await openKernel(config);
  try {
    await migrate(kernel.pool, migrationSources(modules));
    for (const m of modules) await m.start?.(kernel);
    await kernel.jobs.stop();
    const password = `${kernel.crypto.randomToken(9)}-Aa1`;
    const hash = await kernel.crypto.hashPassword(password);
    await withTransaction(kernel.pool, async (db) => {
      let inst = (await db.query<{ id: number }>("SELECT id FROM org_unit WHERE kind = 'institution' ORDER BY id LIMIT 1")).rows[0]?.id;
      if (!inst) {
        const region = await db.query<{ id: number }>("INSERT INTO org_unit (kind, name, code) VALUES ('region', $1, 'REGION') RETURNING id", [opts.region ?? '本区域']);
        await db.query('UPDATE org_unit SET region_id = id WHERE id = $1', [region.rows[0].id]);
        const i = await db.query<{ id: number }>(
          "INSERT INTO org_unit (parent_id, kind, institution_type, name, code, region_id) VALUES ($1, 'institution', 'hospital', $2, 'INST1', $1) RETURNING id",
          [region.rows[0].id, opts.institution ?? '本院']);
        inst = i.rows[0].id;
        await db.query('UPDATE org_unit SET institution_id = id WHERE id = $1', [inst]);
      }
      const exists = await db.query('SELECT 1 FROM account WHERE username = $1', [opts.username]);
      if (exists.rowCount) throw new Error(`account ${opts.username} already exists`);
      const acc = await db.query<{ id: number }>(
        'INSERT INTO account (username, display_name, password_hash, must_change_password) VALUES ($1, $2, $3, true) RETURNING id',
        [opts.username, opts.name ?? opts.username, hash]);
      const roleId = (await db.query<{ id: number }>('SELECT id FROM role WHERE builtin AND code = $1', [role])).rows[0].id;
      await db.query('INSERT INTO assignment (account_id, institution_id, role_id) VALUES ($1, $2, $3)', [acc.rows[0].id, inst, roleId]);
      await writeAudit(db, { actorName: 'kangyun create-admin', institutionId: inst }, { action: 'staff.create', entityType: 'Account', entityId: acc.rows[0].id, detail: { username: opts.username, role } });
    });
    console.log(`created ${role} "${opts.username}"\ninitial password (shown once, must be changed at first login): ${password}\nTOTP two-factor is enrolled at first login.`);
    return 0;
  } finally {
    await kernel.pool.end();
    await embedded?.stop();
  }
}
