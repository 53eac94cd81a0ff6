import { withTransaction, type Kernel } from '@kangyun/kernel';
import { residentIdCheckChar } from './identifiers/resident-id.js';
import { encodePatient } from './services/encode.js';
import type { PatientInput } from './services/types.js';

/** Deterministic pseudo-random numbers, so every demo database has the same fictional patients. */
function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '欧阳', '单', '曾'];
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞', '平', '刚', '桂英', '建华', '玉兰', '德明', '淑珍', '国强', '海燕', '志刚', '文', '红梅', '建国', '春花', '小红'];
const STREETS = ['人民路', '解放路', '建设路', '中山路', '和平街', '文化路', '南湖大道', '东风路', '新华街', '滨江路'];
const RELATION = ['配偶', '儿子', '女儿', '父亲', '母亲', '兄弟', '姐妹'];
/** address codes of the fictional demo region (format of GB/T 2260; any 6 digits are accepted in old IDs) */
const AREA_CODES = ['330102', '330103', '330104', '330105', '330106'];

export interface DemoPatient extends PatientInput {
  institutions: string[];
}

/** Fictional people with valid-checksum (but invented) resident ID numbers. */
export function demoPatients(count: number, seed = 20261121): DemoPatient[] {
  const rand = mulberry32(seed);
  const pick = <T,>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const out: DemoPatient[] = [];
  const used = new Set<string>();
  while (out.length < count) {
    const year = 1930 + Math.floor(rand() * 90);
    const month = 1 + Math.floor(rand() * 12);
    const day = 1 + Math.floor(rand() * 28);
    const male = rand() < 0.5;
    const seq = Math.floor(rand() * 500) * 2 + (male ? 1 : 0);
    const body = `${pick(AREA_CODES)}${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(seq).padStart(3, '0')}`;
    const idNumber = body + residentIdCheckChar(body);
    if (used.has(idNumber)) continue;
    used.add(idNumber);
    const name = pick(SURNAMES) + pick(GIVEN);
    const n = out.length;
    const institutions = n < 110 ? ['H001'] : n < 140 ? ['C001'] : n < 165 ? ['C002'] : n < 185 ? ['C003'] : ['H001', 'C001'];
    out.push({
      name,
      sex: male ? 'male' : 'female',
      birthDate: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      idType: 'resident_id',
      idNumber,
      mobile: `13${Math.floor(rand() * 10)}${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`,
      address: `示例市${pick(['上城区', '下城区', '西湖区', '南湖区'])}${pick(STREETS)}${1 + Math.floor(rand() * 300)}号`,
      contacts: [{ name: pick(SURNAMES) + pick(GIVEN), relationship: pick(RELATION), phone: `15${Math.floor(rand() * 10)}${String(Math.floor(rand() * 1e8)).padStart(8, '0')}` }],
      institutions,
    });
  }
  return out;
}

/** Loads the 200 demo patients as the owner (bulk, bypassing the per-request path) with their institution records. */
export async function seedPatientsDemo(kernel: Kernel, count = 200): Promise<void> {
  const patients = demoPatients(count);
  await withTransaction(kernel.pool, async (db) => {
    const inst = new Map((await db.query<{ id: number; code: string }>("SELECT id, code FROM org_unit WHERE kind = 'institution'")).rows.map((r) => [r.code, r.id]));
    for (const p of patients) {
      const e = encodePatient(p, kernel.crypto);
      const { rows } = await db.query<{ id: number }>(
        `INSERT INTO patient (regional_id, name, name_tokens, name_initials, name_pinyin, sex, birth_date, id_type, id_number_enc, id_number_index,
           id_number_masked, mobile_enc, mobile_index, mobile_masked, address_enc, address_masked, contacts_enc)
         VALUES ('pending', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
        [e.name, e.name_tokens, e.name_initials, e.name_pinyin, e.sex, e.birth_date, e.id_type, e.id_number_enc, e.id_number_index, e.id_number_masked,
          e.mobile_enc, e.mobile_index, e.mobile_masked, e.address_enc, e.address_masked, e.contacts_enc]);
      const id = rows[0].id;
      await db.query("UPDATE patient SET regional_id = 'P' || lpad(id::text, 10, '0') WHERE id = $1", [id]);
      for (const code of p.institutions) {
        await db.query(
          `INSERT INTO patient_record (patient_id, institution_id, mrn) VALUES ($1, $2, $3 || '-' || lpad(nextval('patient_mrn_seq')::text, 8, '0'))`,
          [id, inst.get(code), code]);
      }
      await db.query("INSERT INTO patient_history (patient_id, action, actor_name, institution_id) VALUES ($1, 'create', '演示数据', $2)", [id, inst.get(p.institutions[0])]);
    }
  });
}
