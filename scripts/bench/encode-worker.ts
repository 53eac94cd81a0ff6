/**
 * Worker thread: turns batches of demo patients into the stored form with the product's own
 * `encodePatient` (SM4-encrypted ID number, mobile, address and contacts; HMAC-SM3 blind
 * indexes; masks; name tokens and pinyin), as column arrays ready for one INSERT … unnest().
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createKernel, loadConfig } from '@kangyun/kernel';
import { encodePatient, type demoPatients } from '@kangyun/patients';

type DemoPatient = ReturnType<typeof demoPatients>[number];

export const TOKEN_SEPARATOR = '\u001f';

export interface EncodedBatch {
  seq: number;
  ms: number;
  name: string[];
  tokens: string[];
  initials: string[];
  pinyin: string[];
  sex: string[];
  birth: string[];
  idType: string[];
  idEnc: string[];
  idIndex: string[];
  idMasked: string[];
  mobileEnc: (string | null)[];
  mobileIndex: (string | null)[];
  mobileMasked: (string | null)[];
  addressEnc: (string | null)[];
  addressMasked: (string | null)[];
  contactsEnc: (string | null)[];
}

if (parentPort) {
  const { keysFile } = workerData as { keysFile: string };
  // the kernel's crypto provider over the same keys file the server will read; its pool never connects
  const kernel = createKernel({ ...loadConfig({ KANGYUN_KEYS_FILE: keysFile }), logLevel: 'warn' }, 'postgresql://unused@localhost/unused');
  const port = parentPort;
  port.on('message', (msg: { seq: number; patients: DemoPatient[] } | 'stop') => {
    if (msg === 'stop') {
      void kernel.pool.end().then(() => port.close());
      return;
    }
    const started = performance.now();
    const out: EncodedBatch = {
      seq: msg.seq, ms: 0, name: [], tokens: [], initials: [], pinyin: [], sex: [], birth: [], idType: [], idEnc: [], idIndex: [], idMasked: [],
      mobileEnc: [], mobileIndex: [], mobileMasked: [], addressEnc: [], addressMasked: [], contactsEnc: [],
    };
    for (const p of msg.patients) {
      const e = encodePatient(p, kernel.crypto);
      out.name.push(e.name);
      out.tokens.push(e.name_tokens.join(TOKEN_SEPARATOR));
      out.initials.push(e.name_initials);
      out.pinyin.push(e.name_pinyin);
      out.sex.push(e.sex);
      out.birth.push(e.birth_date);
      out.idType.push(e.id_type);
      out.idEnc.push(e.id_number_enc);
      out.idIndex.push(e.id_number_index);
      out.idMasked.push(e.id_number_masked);
      out.mobileEnc.push(e.mobile_enc);
      out.mobileIndex.push(e.mobile_index);
      out.mobileMasked.push(e.mobile_masked);
      out.addressEnc.push(e.address_enc);
      out.addressMasked.push(e.address_masked);
      out.contactsEnc.push(e.contacts_enc);
    }
    out.ms = performance.now() - started;
    port.postMessage(out);
  });
}
