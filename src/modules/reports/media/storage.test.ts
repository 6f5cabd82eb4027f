import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidStorageKey, localStorage } from './storage.ts';

describe('localStorage', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'caucus-media-'));
  const storage = localStorage(root);

  it('puts, gets, streams and deletes', async () => {
    await storage.put('reports/1/abc.jpg', Buffer.from('hello'));
    expect((await storage.get('reports/1/abc.jpg')).toString()).toBe('hello');
    expect(await storage.exists('reports/1/abc.jpg')).toBe(true);
    const chunks: Buffer[] = [];
    for await (const c of storage.stream('reports/1/abc.jpg')) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('hello');
    await storage.delete('reports/1/abc.jpg');
    expect(await storage.exists('reports/1/abc.jpg')).toBe(false);
    await storage.delete('reports/1/abc.jpg');
  });

  it('never leaves its root', async () => {
    for (const key of ['../etc/passwd', 'reports/../../x', '/abs/path', 'reports/1/a b.jpg', 'reports\\1\\a.jpg', '']) {
      await expect(storage.put(key, Buffer.from('x'))).rejects.toThrow(InvalidStorageKey);
    }
  });
});
