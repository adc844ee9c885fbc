import fs from 'node:fs/promises';
import path from 'node:path';
import crypto from 'node:crypto';

/** One storage interface for photos and evidence; local folder by default, keyed by content hash. */
export interface FileStorage {
  put(content: Buffer): Promise<{ hash: string; size: number }>;
  get(hash: string): Promise<Buffer>;
}

export function createLocalStorage(root: string): FileStorage {
  const fileOf = (hash: string) => {
    if (!/^[a-f0-9]{64}$/.test(hash)) throw new Error('bad content hash');
    return path.join(root, hash.slice(0, 2), hash);
  };
  return {
    async put(content) {
      const hash = crypto.createHash('sha256').update(content).digest('hex');
      const file = fileOf(hash);
      await fs.mkdir(path.dirname(file), { recursive: true });
      try {
        await fs.writeFile(file, content, { flag: 'wx' });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      return { hash, size: content.length };
    },
    async get(hash) {
      return fs.readFile(fileOf(hash));
    },
  };
}
