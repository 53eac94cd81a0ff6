/**
 * The benchmark database: a fresh embedded PostgreSQL, all migrations, the demo data exactly as
 * `npm test` builds it (packages/server/src/testing/prepare.ts), then a bulk load of realistic
 * patients encoded by the product's own `encodePatient`, until the region holds `total` patients.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { loadConfig, startEmbeddedPostgres } from '@kangyun/kernel';
import { demoPatients } from '@kangyun/patients';
import { migrateAndSeedDemo } from '../../packages/server/src/platform.js';
import { TOKEN_SEPARATOR, type EncodedBatch } from './encode-worker.js';
import { log } from './util.js';

type DemoPatient = ReturnType<typeof demoPatients>[number];

export interface BenchDatabase {
  url: string;
  keysFile: string;
  dir: string;
  stop(): Promise<void>;
}

export async function startBenchDatabase(dir: string): Promise<BenchDatabase> {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const embedded = await startEmbeddedPostgres(dir);
  return { url: embedded.url, keysFile: path.join(dir, 'keys.json'), dir, stop: () => embedded.stop() };
}

/** Migrations + demo data (identity: region, institutions, staff, OAuth clients; 200 patients), as prepare.ts does. */
export async function migrateAndSeed(db: BenchDatabase): Promise<number> {
  const started = performance.now();
  const config = { ...loadConfig({ KANGYUN_DATA_DIR: db.dir, KANGYUN_KEYS_FILE: db.keysFile }), databaseUrl: db.url, poolSize: 4, logLevel: 'warn' };
  // default password iterations: the demo accounts' hashes are what a real installation would store
  await migrateAndSeedDemo(config, db.url);
  return performance.now() - started;
}

export interface LoadResult {
  /** patients inserted by the bulk load (the 200 demo patients come on top) */
  inserted: number;
  totalPatients: number;
  ms: number;
  /** CPU time the encoder threads spent in encodePatient, summed */
  encodeMs: number;
  /** wall time of the INSERT transactions, summed over the writer connections */
  insertMs: number;
  generateMs: number;
  analyzeMs: number;
  batchSize: number;
  workers: number;
  /** ids of every bulk-loaded patient (each has a record in H001) */
  ids: Int32Array;
  /** resident ID numbers of a random sample of the loaded patients, with their ids */
  idNumbers: { idNumber: string; id: number }[];
}

interface Channel<T> { push(v: T): Promise<void>; pop(): Promise<T | null>; close(): void }

/** A small bounded queue between the encoders and the writers, so memory stays flat. */
function channel<T>(capacity: number): Channel<T> {
  const items: T[] = [];
  let closed = false;
  let takers: ((v: T | null) => void)[] = [];
  let givers: (() => void)[] = [];
  return {
    async push(v) {
      while (items.length >= capacity) await new Promise<void>((r) => givers.push(r));
      const taker = takers.shift();
      if (taker) taker(v);
      else items.push(v);
    },
    async pop() {
      if (items.length) {
        const v = items.shift()!;
        givers.shift()?.();
        return v;
      }
      if (closed) return null;
      return new Promise<T | null>((r) => takers.push(r));
    },
    close() {
      closed = true;
      for (const t of takers) t(null);
      takers = [];
      for (const g of givers) g();
      givers = [];
    },
  };
}

function startEncoder(keysFile: string): Worker {
  const entry = new URL('./encode-worker.ts', import.meta.url).href;
  // worker threads do not inherit tsx's loader: register it first, then load the worker module
  const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(boot, { eval: true, workerData: { keysFile } });
}

function encodeOn(worker: Worker, seq: number, patients: DemoPatient[]): Promise<EncodedBatch> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: EncodedBatch) => {
      if (m.seq !== seq) return;
      worker.off('message', onMessage);
      worker.off('error', reject);
      resolve(m);
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
    worker.postMessage({ seq, patients });
  });
}

/**
 * Adds patients until the region holds `total`: every one gets a record in the lead hospital
 * H001, every fifth one also in a community health centre (C001–C003), and a 'create' history
 * row, as the demo seed does. IDs come from the patient identity sequence, so regional_id is
 * 'P' + lpad(id, 10) like the product's own.
 */
export async function bulkLoad(db: BenchDatabase, total: number, options: { batchSize?: number; workers?: number; writers?: number; sample?: number } = {}): Promise<LoadResult> {
  const batchSize = options.batchSize ?? 2000;
  const workerCount = options.workers ?? 2;
  const writerCount = options.writers ?? 2;
  const sampleSize = options.sample ?? 5000;
  const started = performance.now();
  const pool = new pg.Pool({ connectionString: db.url, max: writerCount + 1 });
  pool.on('error', () => {});
  try {
    const existing = Number((await pool.query('SELECT count(*) AS n FROM patient')).rows[0].n);
    const need = total - existing;
    const inst = new Map((await pool.query<{ id: string; code: string }>("SELECT id, code FROM org_unit WHERE kind = 'institution'")).rows.map((r) => [r.code, Number(r.id)]));
    for (const code of ['H001', 'C001', 'C002', 'C003']) if (!inst.has(code)) throw new Error(`demo institution ${code} missing`);

    // unique resident ID numbers: another seed than the demo's, minus any the demo already used
    const genStart = performance.now();
    const taken = new Set(demoPatients(existing).map((p) => p.idNumber));
    const people = demoPatients(need + 2000, 20270101).filter((p) => !taken.has(p.idNumber)).slice(0, need);
    if (people.length < need) throw new Error(`could only generate ${people.length} unique ID numbers`);
    const generateMs = performance.now() - genStart;
    log(`generated ${people.length} patients in ${Math.round(generateMs)} ms; encoding with ${workerCount} threads, writing on ${writerCount} connections`);

    const batches: DemoPatient[][] = [];
    for (let i = 0; i < people.length; i += batchSize) batches.push(people.slice(i, i + batchSize));
    const queue = channel<{ batch: EncodedBatch; patients: DemoPatient[] }>(writerCount * 2);
    const workers = Array.from({ length: workerCount }, () => startEncoder(db.keysFile));
    let nextBatch = 0;
    let encodeMs = 0;
    let insertMs = 0;
    const ids = new Int32Array(people.length);
    let idCount = 0;
    const sampleEvery = Math.max(1, Math.floor(people.length / sampleSize));
    const idNumbers: { idNumber: string; id: number }[] = [];
    let lastReport = performance.now();

    const encoders = workers.map(async (w) => {
      for (;;) {
        const seq = nextBatch++;
        if (seq >= batches.length) return;
        const batch = await encodeOn(w, seq, batches[seq]);
        encodeMs += batch.ms;
        await queue.push({ batch, patients: batches[seq] });
      }
    });
    const writers = Array.from({ length: writerCount }, async () => {
      const client = await pool.connect();
      try {
        for (;;) {
          const item = await queue.pop();
          if (!item) return;
          const t = performance.now();
          const batchIds = await insertBatch(client, item.batch, inst);
          insertMs += performance.now() - t;
          for (let i = 0; i < batchIds.length; i++) {
            ids[idCount++] = batchIds[i];
            if ((item.batch.seq * batchSize + i) % sampleEvery === 0 && idNumbers.length < sampleSize) {
              idNumbers.push({ idNumber: item.patients[i].idNumber, id: batchIds[i] });
            }
          }
          if (performance.now() - lastReport > 10_000) {
            lastReport = performance.now();
            log(`  … ${idCount} / ${people.length} loaded (${Math.round((performance.now() - started) / 1000)} s)`);
          }
        }
      } finally {
        client.release();
      }
    });
    try {
      await Promise.all(encoders);
    } finally {
      queue.close();
      await Promise.allSettled(writers);
      for (const w of workers) w.postMessage('stop');
      await Promise.all(workers.map((w) => new Promise((r) => w.once('exit', r))));
    }
    await Promise.all(writers); // surface a writer's error
    const loadedMs = performance.now() - started;

    // plain ANALYZE as asked, plus VACUUM so autovacuum does not start on 200k fresh rows mid-measurement
    const a = performance.now();
    await pool.query('VACUUM (ANALYZE) patient, patient_record, patient_history');
    const analyzeMs = performance.now() - a;
    const totalPatients = Number((await pool.query('SELECT count(*) AS n FROM patient')).rows[0].n);
    return { inserted: idCount, totalPatients, ms: loadedMs, encodeMs, insertMs, generateMs, analyzeMs, batchSize, workers: workerCount, ids: ids.subarray(0, idCount), idNumbers };
  } finally {
    await pool.end();
  }
}

async function insertBatch(client: pg.PoolClient, b: EncodedBatch, inst: Map<string, number>): Promise<number[]> {
  const n = b.name.length;
  await client.query('BEGIN');
  try {
    // a bulk load may lose its last batch on a crash; the benchmark just starts again
    await client.query('SET LOCAL synchronous_commit = off');
    const { rows } = await client.query<{ id: string }>(
      "SELECT nextval(pg_get_serial_sequence('patient', 'id')) AS id FROM generate_series(1, $1)", [n]);
    const ids = rows.map((r) => Number(r.id));
    await client.query(
      `INSERT INTO patient (id, regional_id, name, name_tokens, name_initials, name_pinyin, sex, birth_date, id_type, id_number_enc, id_number_index,
         id_number_masked, mobile_enc, mobile_index, mobile_masked, address_enc, address_masked, contacts_enc)
       SELECT u.id, 'P' || lpad(u.id::text, 10, '0'), u.name, string_to_array(u.tokens, $18), u.initials, u.pinyin, u.sex, u.birth::date, u.id_type,
              u.id_enc, u.id_index, u.id_masked, u.mobile_enc, u.mobile_index, u.mobile_masked, u.address_enc, u.address_masked, u.contacts_enc
       FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
                   $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[])
         AS u(id, name, tokens, initials, pinyin, sex, birth, id_type, id_enc, id_index, id_masked, mobile_enc, mobile_index, mobile_masked,
              address_enc, address_masked, contacts_enc)`,
      [ids, b.name, b.tokens, b.initials, b.pinyin, b.sex, b.birth, b.idType, b.idEnc, b.idIndex, b.idMasked, b.mobileEnc, b.mobileIndex,
        b.mobileMasked, b.addressEnc, b.addressMasked, b.contactsEnc, TOKEN_SEPARATOR],
    );
    const recPatient: number[] = [];
    const recInst: number[] = [];
    const recCode: string[] = [];
    const h001 = inst.get('H001')!;
    for (const id of ids) {
      recPatient.push(id); recInst.push(h001); recCode.push('H001');
      if (id % 5 === 0) {
        const code = `C00${1 + ((id / 5) % 3)}`;
        recPatient.push(id); recInst.push(inst.get(code)!); recCode.push(code);
      }
    }
    await client.query(
      `INSERT INTO patient_record (patient_id, institution_id, mrn)
       SELECT u.pid, u.inst, u.code || '-' || lpad(nextval('patient_mrn_seq')::text, 8, '0')
       FROM unnest($1::bigint[], $2::bigint[], $3::text[]) AS u(pid, inst, code)`,
      [recPatient, recInst, recCode],
    );
    await client.query(
      `INSERT INTO patient_history (patient_id, action, actor_name, institution_id)
       SELECT u.pid, 'create', '演示数据', $2 FROM unnest($1::bigint[]) AS u(pid)`,
      [ids, h001],
    );
    await client.query('COMMIT');
    return ids;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  }
}
