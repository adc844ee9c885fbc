import crypto from 'node:crypto';

/**
 * The backup file: a text header line naming the format, a JSON header line (version, kind, created time,
 * checksum of the encrypted body, key id), then the body — an AES-256-GCM encryption (the header line is
 * its additional authenticated data, so neither can be changed unnoticed) of a list of named entries
 * (the database dump, then the uploaded files).
 */
export const BACKUP_MAGIC = 'GONGJIAN-BACKUP';
export const BACKUP_VERSION = 1;

export type BackupKind = 'pglite' | 'postgres';

export interface BackupHeader {
  version: number;
  kind: BackupKind;
  createdAt: string;
  /** sha256 (hex) of the encrypted body: a corrupt file is told apart from a wrong key without decrypting. */
  checksum: string;
  /** Identifies the data key without revealing it. */
  keyId: string;
  iv: string;
  entries: number;
  bytes: number;
}

export interface BackupEntry {
  name: string;
  data: Buffer;
}

export class BackupFileError extends Error {}

function backupKey(dataKey: Buffer): Buffer {
  return crypto.createHmac('sha256', dataKey).update('gongjian/backup').digest();
}

export function keyIdOf(dataKey: Buffer): string {
  return crypto.createHmac('sha256', dataKey).update('gongjian/backup-key-id').digest('hex').slice(0, 16);
}

function packEntries(entries: BackupEntry[]): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const head = Buffer.alloc(12);
    head.writeUInt32BE(name.length, 0);
    head.writeBigUInt64BE(BigInt(e.data.length), 4);
    parts.push(head, name, e.data);
  }
  return Buffer.concat(parts);
}

function unpackEntries(buf: Buffer): BackupEntry[] {
  const out: BackupEntry[] = [];
  let at = 0;
  while (at < buf.length) {
    if (at + 12 > buf.length) throw new BackupFileError('备份文件内容不完整 (truncated backup body)');
    const nameLen = buf.readUInt32BE(at);
    const dataLen = Number(buf.readBigUInt64BE(at + 4));
    at += 12;
    if (at + nameLen + dataLen > buf.length) throw new BackupFileError('备份文件内容不完整 (truncated backup body)');
    const name = buf.subarray(at, at + nameLen).toString('utf8');
    at += nameLen;
    out.push({ name, data: buf.subarray(at, at + dataLen) });
    at += dataLen;
  }
  return out;
}

export function encodeBackup(kind: BackupKind, entries: BackupEntry[], dataKey: Buffer, createdAt = new Date()): Buffer {
  const plain = packEntries(entries);
  const iv = crypto.randomBytes(12);
  // The checksum covers the ciphertext, which is only known after encryption, and the header is the AAD:
  // so the header is authenticated with the checksum left empty and the checksum filled in afterwards.
  const header: BackupHeader = {
    version: BACKUP_VERSION,
    kind,
    createdAt: createdAt.toISOString(),
    checksum: '',
    keyId: keyIdOf(dataKey),
    iv: iv.toString('base64'),
    entries: entries.length,
    bytes: plain.length,
  };
  const cipher = crypto.createCipheriv('aes-256-gcm', backupKey(dataKey), iv);
  cipher.setAAD(Buffer.from(JSON.stringify(header), 'utf8'));
  const body = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  const full = { ...header, checksum: crypto.createHash('sha256').update(body).digest('hex') };
  return Buffer.concat([Buffer.from(`${BACKUP_MAGIC}\n${JSON.stringify(full)}\n`, 'utf8'), body]);
}

export function readBackupHeader(file: Buffer): { header: BackupHeader; body: Buffer } {
  const first = file.indexOf(0x0a);
  if (first < 0 || file.subarray(0, first).toString('utf8') !== BACKUP_MAGIC) {
    throw new BackupFileError('不是共建备份文件 (not a Gongjian backup file)');
  }
  const second = file.indexOf(0x0a, first + 1);
  if (second < 0) throw new BackupFileError('备份文件头已损坏 (corrupt backup header)');
  let header: BackupHeader;
  try {
    header = JSON.parse(file.subarray(first + 1, second).toString('utf8')) as BackupHeader;
  } catch {
    throw new BackupFileError('备份文件头已损坏 (corrupt backup header)');
  }
  if (header.version !== BACKUP_VERSION) {
    throw new BackupFileError(`不支持的备份格式版本 ${String(header.version)} (unsupported backup version)`);
  }
  if (header.kind !== 'pglite' && header.kind !== 'postgres') throw new BackupFileError('备份文件头已损坏 (corrupt backup header)');
  return { header, body: file.subarray(second + 1) };
}

export function decodeBackup(file: Buffer, dataKey: Buffer): { header: BackupHeader; entries: BackupEntry[] } {
  const { header, body } = readBackupHeader(file);
  if (crypto.createHash('sha256').update(body).digest('hex') !== header.checksum) {
    throw new BackupFileError('备份文件已损坏：校验和不符 (backup file is corrupt: checksum mismatch)');
  }
  if (header.keyId !== keyIdOf(dataKey)) {
    throw new BackupFileError('数据密钥与备份不符：请使用备份时的数据密钥 (wrong data key for this backup)');
  }
  if (body.length < 16) throw new BackupFileError('备份文件已损坏 (backup file is corrupt)');
  const decipher = crypto.createDecipheriv('aes-256-gcm', backupKey(dataKey), Buffer.from(header.iv, 'base64'));
  decipher.setAAD(Buffer.from(JSON.stringify({ ...header, checksum: '' }), 'utf8'));
  decipher.setAuthTag(body.subarray(body.length - 16));
  let plain: Buffer;
  try {
    plain = Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]);
  } catch {
    throw new BackupFileError('无法解密备份：数据密钥不对或文件已被改动 (wrong data key or tampered file)');
  }
  return { header, entries: unpackEntries(plain) };
}
