/**
 * Ciphertext framing and key selection, shared by both profiles. The profile
 * only supplies a Sealer (the authenticated cipher); everything about key ids,
 * formats and rotation lives here so the two profiles cannot drift apart.
 *
 * Field format:  `${keyId}:${base64(body)}`
 * Buffer format: 'K' 'Y' | version (1) | keyId length (1) | keyId (ASCII) | body
 * body = whatever the sealer produces (iv ‖ ciphertext ‖ tag).
 *
 * The key id (field) or the whole header (buffer) is passed to the sealer as
 * associated data, so a ciphertext cannot be relabelled with another key id or
 * moved between the field and buffer formats without failing authentication.
 */
import { CryptoIntegrityError, type CryptoConfig } from './types.js';
import { parseHex, parseStrictBase64 } from './hex.js';

export interface Sealer {
  /** human-readable algorithm name, for diagnostics only */
  readonly algorithm: string;
  /** returns iv ‖ ciphertext ‖ tag */
  seal(key: Buffer, plain: Buffer, aad: Buffer): Buffer;
  /** must throw CryptoIntegrityError on any authentication or format failure */
  open(key: Buffer, body: Buffer, aad: Buffer): Buffer;
}

export interface Envelope {
  encryptField(plain: string): string;
  decryptField(sealed: string): string;
  encryptBuffer(plain: Buffer): Buffer;
  decryptBuffer(sealed: Buffer): Buffer;
  rotateField(sealed: string): string;
}

/** ':' separates the id in the field format and the id's length must fit one byte in the buffer header. */
const KEY_ID = /^[A-Za-z0-9_-]{1,64}$/;
const MAGIC_0 = 0x4b; // 'K'
const MAGIC_1 = 0x59; // 'Y'
const VERSION = 1;
const DATA_KEY_BYTES = 32;

/** Validates and copies the key table so later mutation of `config` cannot change live keys. */
function loadKeys(config: CryptoConfig): Map<string, Buffer> {
  if (!Array.isArray(config.dataKeys) || config.dataKeys.length === 0) {
    throw new Error('crypto config: dataKeys must not be empty');
  }
  const keys = new Map<string, Buffer>();
  for (const { id, keyHex } of config.dataKeys) {
    if (!KEY_ID.test(id)) throw new Error(`crypto config: data key id ${JSON.stringify(id)} must match ${KEY_ID}`);
    if (keys.has(id)) throw new Error(`crypto config: duplicate data key id ${id}`);
    keys.set(id, parseHex(keyHex, `data key ${id}`, DATA_KEY_BYTES));
  }
  if (!keys.has(config.activeKeyId)) {
    throw new Error(`crypto config: activeKeyId ${JSON.stringify(config.activeKeyId)} is not in dataKeys`);
  }
  return keys;
}

function bufferHeader(keyId: string): Buffer {
  const id = Buffer.from(keyId, 'ascii');
  return Buffer.concat([Buffer.from([MAGIC_0, MAGIC_1, VERSION, id.length]), id]);
}

export function createEnvelope(config: CryptoConfig, sealer: Sealer): Envelope {
  const keys = loadKeys(config);
  const activeId = config.activeKeyId;
  const activeKey = keys.get(activeId) as Buffer;

  const keyFor = (id: string): Buffer => {
    const key = keys.get(id);
    if (!key) throw new CryptoIntegrityError(`unknown data key id ${JSON.stringify(id)}`);
    return key;
  };

  const splitField = (sealed: string): { id: string; body: Buffer } => {
    const colon = typeof sealed === 'string' ? sealed.indexOf(':') : -1;
    if (colon <= 0) throw new CryptoIntegrityError('sealed field is malformed');
    const body = parseStrictBase64(sealed.slice(colon + 1));
    if (!body || body.length === 0) throw new CryptoIntegrityError('sealed field is malformed');
    return { id: sealed.slice(0, colon), body };
  };

  const fieldAad = (id: string): Buffer => Buffer.from(`${id}:`, 'utf8');

  const encryptField = (plain: string): string => {
    const body = sealer.seal(activeKey, Buffer.from(plain, 'utf8'), fieldAad(activeId));
    return `${activeId}:${body.toString('base64')}`;
  };

  const decryptField = (sealed: string): string => {
    const { id, body } = splitField(sealed);
    return sealer.open(keyFor(id), body, fieldAad(id)).toString('utf8');
  };

  const encryptBuffer = (plain: Buffer): Buffer => {
    const header = bufferHeader(activeId);
    return Buffer.concat([header, sealer.seal(activeKey, plain, header)]);
  };

  const decryptBuffer = (sealed: Buffer): Buffer => {
    if (!Buffer.isBuffer(sealed) || sealed.length < 5) throw new CryptoIntegrityError('sealed buffer is malformed');
    if (sealed[0] !== MAGIC_0 || sealed[1] !== MAGIC_1 || sealed[2] !== VERSION) {
      throw new CryptoIntegrityError('sealed buffer has an unknown header');
    }
    const idLength = sealed[3] ?? 0;
    const idEnd = 4 + idLength;
    if (idLength === 0 || sealed.length <= idEnd) throw new CryptoIntegrityError('sealed buffer is malformed');
    const id = sealed.subarray(4, idEnd).toString('ascii');
    const header = sealed.subarray(0, idEnd);
    return sealer.open(keyFor(id), sealed.subarray(idEnd), header);
  };

  /**
   * Already-current values are returned untouched (no decrypt), so a rotation
   * job can be re-run cheaply; anything else is opened (integrity checked) and
   * re-sealed under the active key.
   */
  const rotateField = (sealed: string): string => {
    const { id } = splitField(sealed);
    if (id === activeId) return sealed;
    return encryptField(decryptField(sealed));
  };

  return { encryptField, decryptField, encryptBuffer, decryptBuffer, rotateField };
}
