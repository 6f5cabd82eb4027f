// Where uploaded files live: a small adapter (put, get, stream, delete) so another backend (S3, …) can
// replace the local disk later. Keys are relative paths such as `reports/12/3f2c….jpg`.
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

export interface StorageAdapter {
  put(key: string, data: Buffer): Promise<void>;
  get(key: string): Promise<Buffer>;
  stream(key: string): Readable;
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

const keyPattern = /^[a-z0-9_-]+(\/[A-Za-z0-9_-]+)*\/[A-Za-z0-9_-]+(\.[a-z0-9]{1,5})?$/;

export class InvalidStorageKey extends Error {}

/** Files under `root` (e.g. `${dataDir}/media`); a key can never leave the root. */
export function localStorage(root: string): StorageAdapter {
  const resolve = (key: string) => {
    if (!keyPattern.test(key) || key.length > 300) throw new InvalidStorageKey(`Invalid storage key ${key}`);
    const full = path.resolve(root, key);
    if (!full.startsWith(path.resolve(root) + path.sep)) throw new InvalidStorageKey(`Invalid storage key ${key}`);
    return full;
  };
  return {
    async put(key, data) {
      const full = resolve(key);
      await fs.mkdir(path.dirname(full), { recursive: true });
      // Write then rename: a reader never sees half a file.
      const temp = `${full}.${process.pid}.${Date.now()}.part`;
      await fs.writeFile(temp, data, { mode: 0o640 });
      await fs.rename(temp, full);
    },
    async get(key) {
      return fs.readFile(resolve(key));
    },
    stream(key) {
      return createReadStream(resolve(key));
    },
    async delete(key) {
      await fs.rm(resolve(key), { force: true });
    },
    async exists(key) {
      try {
        await fs.access(resolve(key));
        return true;
      } catch {
        return false;
      }
    },
  };
}
