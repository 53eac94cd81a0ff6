import type { Kernel } from '@kangyun/kernel';
import { withTransaction } from '@kangyun/kernel';

/** The demo password of every demo account (README lists them). Meets the default policy. */
export const DEMO_PASSWORD = 'Kangyun@2026';

/** Fixed TOTP secrets of the three demo administrators, so README can print them. */
export const DEMO_TOTP = {
  sysadmin: 'KVKFKRCPNZQUYMLXOVYDSQKJKZDTSRLD',
  secadmin: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
  auditadmin: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
  'audit.c001': 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U',
};

interface DemoOrg { code: string; name: string; type?: 'hospital' | 'community_health_centre' | 'station'; departments: [string, string][] }

const REGION = { code: 'R-SL', name: '示例市卫生健康委员会（区域）' };
const INSTITUTIONS: DemoOrg[] = [
  { code: 'H001', name: '示例市第一人民医院', type: 'hospital', departments: [
    ['H001-PAL', '安宁疗护科'], ['H001-ONC', '肿瘤科'], ['H001-CAR', '心血管内科'], ['H001-US', '超声科'], ['H001-RAD', '放射科'],
    ['H001-ECG', '心电图室'], ['H001-END', '内镜中心'], ['H001-GYN', '妇科'], ['H001-PED', '儿科'], ['H001-OPD', '门诊部'], ['H001-PHA', '药剂科'], ['H001-MR', '病案室'], ['H001-PSY', '心理科'], ['H001-SW', '社会工作部'], ['H001-IT', '信息科'],
  ] },
  { code: 'C001', name: '城东社区卫生服务中心', type: 'community_health_centre', departments: [['C001-GP', '全科'], ['C001-NUR', '护理部'], ['C001-PH', '公共卫生科']] },
  { code: 'C002', name: '城西社区卫生服务中心', type: 'community_health_centre', departments: [['C002-GP', '全科'], ['C002-NUR', '护理部'], ['C002-PH', '公共卫生科']] },
  { code: 'C003', name: '南湖社区卫生服务中心', type: 'community_health_centre', departments: [['C003-GP', '全科'], ['C003-NUR', '护理部'], ['C003-PH', '公共卫生科']] },
];

/** username, name, gender, title, mobile, then [institution code, department code | null, role code] per assignment */
type DemoStaff = [string, string, 'male' | 'female', string, string, [string, string | null, string][], { mustChange?: boolean }?];
export const DEMO_STAFF: DemoStaff[] = [
  ['dr.wang', '王建国', 'male', '主任医师', '13900000001', [['H001', 'H001-PAL', 'doctor'], ['C001', 'C001-GP', 'doctor']]],
  ['dr.li', '李明', 'male', '副主任医师', '13900000002', [['H001', 'H001-ONC', 'doctor']]],
  ['dr.zhang', '张慧', 'female', '主治医师', '13900000003', [['H001', 'H001-CAR', 'doctor']]],
  ['dr.zhao', '赵磊', 'male', '主治医师', '13900000004', [['C001', 'C001-GP', 'doctor']]],
  ['dr.chen', '陈静', 'female', '主治医师', '13900000005', [['C002', 'C002-GP', 'doctor']]],
  ['dr.sun', '孙涛', 'male', '医师', '13900000006', [['C003', 'C003-GP', 'doctor']]],
  ['nurse.liu', '刘芳', 'female', '主管护师', '13900000011', [['H001', 'H001-PAL', 'nurse']]],
  ['nurse.yang', '杨丽', 'female', '护师', '13900000012', [['H001', 'H001-ONC', 'nurse']]],
  ['nurse.zhou', '周敏', 'female', '护师', '13900000013', [['C001', 'C001-NUR', 'nurse']]],
  ['nurse.wu', '吴婷', 'female', '护士', '13900000014', [['C002', 'C002-NUR', 'nurse']]],
  ['nurse.new', '郑小雨', 'female', '护士', '13900000015', [['C003', 'C003-NUR', 'nurse']], { mustChange: true }],
  ['pharm.zheng', '郑伟', 'male', '主管药师', '13900000021', [['H001', 'H001-PHA', 'pharmacist']]],
  ['pharm.feng', '冯雪', 'female', '药师', '13900000022', [['C001', null, 'pharmacist']]],
  ['psy.he', '何佳', 'female', '心理治疗师', '13900000031', [['H001', 'H001-PSY', 'psychologist']]],
  ['sw.guo', '郭晓', 'female', '社工师', '13900000041', [['H001', 'H001-SW', 'social_worker']]],
  ['vol.ma', '马志远', 'male', '志愿者', '13900000051', [['H001', 'H001-PAL', 'volunteer']]],
  ['vol.lin', '林可', 'female', '志愿者', '13900000052', [['C001', null, 'volunteer']]],
  ['mr.huang', '黄秀英', 'female', '病案管理员', '13900000061', [['H001', 'H001-MR', 'record_clerk']]],
  ['tech.xu', '徐亮', 'male', '超声医师', '13900000071', [['H001', 'H001-US', 'medtech']]],
  ['tech.zhu', '朱峰', 'male', '放射技师', '13900000072', [['H001', 'H001-RAD', 'medtech']]],
  ['tech.gao', '高原', 'male', '心电图技师', '13900000073', [['H001', 'H001-ECG', 'medtech']]],
  ['admin.h001', '钱进', 'male', '信息科科长', '13900000081', [['H001', 'H001-IT', 'institution_admin']]],
  ['admin.c001', '韩梅', 'female', '办公室主任', '13900000082', [['C001', null, 'institution_admin']]],
  ['admin.c002', '邓超', 'male', '办公室主任', '13900000083', [['C002', null, 'institution_admin']]],
  ['admin.c003', '彭丽', 'female', '办公室主任', '13900000084', [['C003', null, 'institution_admin']]],
  ['sysadmin', '系统管理员', 'male', '系统管理员', '13900000091', [['H001', 'H001-IT', 'system_admin']]],
  ['secadmin', '安全管理员', 'female', '安全管理员', '13900000092', [['H001', 'H001-IT', 'security_admin']]],
  ['auditadmin', '审计管理员', 'male', '审计管理员', '13900000093', [['H001', 'H001-IT', 'audit_admin']]],
  ['audit.c001', '审计员（城东）', 'female', '审计员', '13900000094', [['C001', null, 'audit_admin']]],
  ['dr.qian', '钱文', 'male', '主治医师', '13900000007', [['H001', 'H001-PAL', 'doctor']]],
  ['dr.fang', '方琳', 'female', '主任医师', '13900000008', [['H001', 'H001-GYN', 'doctor']]],
  ['dr.tang', '唐宁', 'female', '副主任医师', '13900000009', [['H001', 'H001-PED', 'doctor']]],
  ['dr.xie', '谢飞', 'male', '主治医师', '13900000010', [['H001', 'H001-CAR', 'doctor']]],
  ['tech.yu', '于洋', 'male', '内镜医师', '13900000074', [['H001', 'H001-END', 'medtech']]],
  ['reg.song', '宋佳', 'female', '挂号员', '13900000101', [['H001', 'H001-OPD', 'registrar']]],
  ['sched.lu', '陆平', 'male', '门诊部主任', '13900000102', [['H001', 'H001-OPD', 'scheduler']]],
  ['nurse.triage', '姜蓉', 'female', '分诊护士', '13900000103', [['H001', 'H001-OPD', 'nurse']]],
];

export const DEMO_CLIENTS = [
  { clientId: 'demo-integration', secret: 'demo-integration-secret', name: '演示集成客户端（临床读写）', scopes: ['clinical.read', 'clinical.write'], institution: 'H001' },
  { clientId: 'demo-kiosk', secret: 'demo-kiosk-secret', name: '演示自助机（预约挂号）', scopes: ['clinical.read', 'booking'], institution: 'H001' },
  { clientId: 'demo-wechat', secret: 'demo-wechat-secret', name: '演示微信公众号平台（预约挂号）', scopes: ['clinical.read', 'booking'], institution: 'H001' },
  { clientId: 'demo-auditor', secret: 'demo-auditor-secret', name: '演示审计客户端（审计读取）', scopes: ['audit.read'], institution: 'H001' },
];

export async function seedIdentityDemo(kernel: Kernel): Promise<void> {
  // one hash for all demo accounts: they share the documented demo password
  const passwordHash = await kernel.crypto.hashPassword(DEMO_PASSWORD);
  await withTransaction(kernel.pool, async (db) => {
    const region = await db.query<{ id: number }>(
      `INSERT INTO org_unit (kind, name, code) VALUES ('region', $1, $2) RETURNING id`, [REGION.name, REGION.code]);
    const regionId = region.rows[0].id;
    await db.query('UPDATE org_unit SET region_id = id WHERE id = $1', [regionId]);
    const ids = new Map<string, number>();
    for (const inst of INSTITUTIONS) {
      const { rows } = await db.query<{ id: number }>(
        `INSERT INTO org_unit (parent_id, kind, institution_type, name, code, region_id) VALUES ($1, 'institution', $2, $3, $4, $1) RETURNING id`,
        [regionId, inst.type, inst.name, inst.code]);
      const instId = rows[0].id;
      await db.query('UPDATE org_unit SET institution_id = id WHERE id = $1', [instId]);
      ids.set(inst.code, instId);
      for (const [code, name] of inst.departments) {
        const d = await db.query<{ id: number }>(
          `INSERT INTO org_unit (parent_id, kind, name, code, region_id, institution_id) VALUES ($1, 'department', $2, $3, $4, $1) RETURNING id`,
          [instId, name, code, regionId]);
        ids.set(code, d.rows[0].id);
      }
    }
    const roles = new Map((await db.query<{ id: number; code: string }>('SELECT id, code FROM role WHERE builtin')).rows.map((r) => [r.code, r.id]));
    for (const [username, name, gender, title, mobile, assignments, opts] of DEMO_STAFF) {
      const secret = (DEMO_TOTP as Record<string, string>)[username];
      const { rows } = await db.query<{ id: number }>(
        `INSERT INTO account (username, display_name, gender, title, mobile, password_hash, must_change_password, demo, totp_secret, totp_enabled)
         VALUES ($1, $2, $3, $4, $5, $6, $7, true, $8, $9) RETURNING id`,
        [username, name, gender, title, mobile, passwordHash, opts?.mustChange ?? false, secret ? kernel.crypto.encryptField(secret) : null, Boolean(secret)]);
      for (const [inst, dept, role] of assignments) {
        await db.query('INSERT INTO assignment (account_id, institution_id, department_id, role_id) VALUES ($1, $2, $3, $4)',
          [rows[0].id, ids.get(inst), dept ? ids.get(dept) : null, roles.get(role)]);
      }
    }
    for (const c of DEMO_CLIENTS) {
      await db.query(
        `INSERT INTO oauth_client (client_id, name, secret_hash, scopes, institution_id, demo) VALUES ($1, $2, $3, $4, $5, true)`,
        [c.clientId, c.name, await kernel.crypto.hashPassword(c.secret), c.scopes, ids.get(c.institution)]);
    }
  });
}
