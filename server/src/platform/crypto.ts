import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Personal data (ID numbers, phones) is encrypted at rest with AES-256-GCM and found through a
 * keyed hash (HMAC-SHA256), so the database never holds plaintext nor a guessable plain hash.
 */
export interface FieldCipher {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  /** Deterministic keyed hash for exact-match lookups (index column). */
  blindIndex(plain: string): string;
}

const VERSION = 'v1';

export function createCipher(masterKey: Buffer): FieldCipher {
  if (masterKey.length !== 32) throw new Error('data key must be 32 bytes');
  const encKey = crypto.createHmac('sha256', masterKey).update('gongjian/enc').digest();
  const idxKey = crypto.createHmac('sha256', masterKey).update('gongjian/index').digest();
  return {
    encrypt(plain) {
      const iv = crypto.randomBytes(12);
      const c = crypto.createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      const tag = c.getAuthTag();
      return `${VERSION}.${Buffer.concat([iv, tag, body]).toString('base64')}`;
    },
    decrypt(stored) {
      const [v, b64] = stored.split('.', 2);
      if (v !== VERSION || !b64) throw new Error('unknown cipher text format');
      const raw = Buffer.from(b64, 'base64');
      const d = crypto.createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
      d.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
    },
    blindIndex(plain) {
      return crypto.createHmac('sha256', idxKey).update(plain.trim().toUpperCase()).digest('base64url');
    },
  };
}

/** The data key comes from config, or from a key file created on first start outside the database. */
export function loadDataKey(dataKey: string | undefined, dataDir: string): Buffer {
  if (dataKey) return Buffer.from(dataKey, 'base64');
  const dir = path.join(dataDir, 'keys');
  const file = path.join(dir, 'data.key');
  if (fs.existsSync(file)) return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const key = crypto.randomBytes(32);
  fs.writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  return key;
}

export function sha256(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}

export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}
