// PostGIS for the embedded database, trimmed to the `postgis` extension. The bundle @electric-sql/pglite-postgis
// ships also holds postgis_raster and postgis_topology (two more WASM libraries of 15-16 MB) and every upgrade
// script of every extension; PGlite unpacks the whole bundle and compiles every library in it each time a database
// opens. The trimmed copy (made once per installed bundle, kept beside node_modules' other caches) opens in about
// half the time and holds ~350 MB less memory. Caucus uses no raster or topology function.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import zlib from 'node:zlib';
import type { Extension } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import tar from 'tar-stream';

/** The files of the `postgis` extension: its library, control file, install and upgrade scripts, PROJ data. */
export function keptInTrimmedBundle(name: string): boolean {
  return (
    name === 'lib/postgresql/postgis-3.so' ||
    /^share\/postgresql\/extension\/postgis(\.control|--[^-]+\.sql|--ANY--[^-]+\.sql)$/.test(name) ||
    name.startsWith('share/proj/')
  );
}

const originalBundle = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite-postgis')),
  'postgis.tar.gz',
);

async function writeTrimmed(target: string) {
  const extract = tar.extract();
  const pack = tar.pack();
  extract.on('entry', (header, stream, next) => {
    if (!keptInTrimmedBundle(header.name)) {
      stream.on('end', next);
      stream.resume();
      return;
    }
    stream.pipe(pack.entry(header, next));
  });
  extract.on('finish', () => pack.finalize());
  const partial = `${target}.${process.pid}.${crypto.randomBytes(4).toString('hex')}`;
  try {
    await Promise.all([
      pipeline(fs.createReadStream(originalBundle), zlib.createGunzip(), extract),
      pipeline(pack, zlib.createGzip({ level: 1 }), fs.createWriteStream(partial)),
    ]);
    fs.renameSync(partial, target); // atomic: a concurrent process sees no file or the whole file
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

function cacheDirs(): string[] {
  const nodeModules = path.resolve(path.dirname(originalBundle), '../../..');
  return [path.join(nodeModules, '.cache/caucus'), path.join(os.tmpdir(), 'caucus-cache')];
}

let trimmedPath: Promise<string> | null = null;

/** The trimmed bundle's path, made on first use (or the original's, when no cache directory is writable). */
export function trimmedBundle(): Promise<string> {
  trimmedPath ??= (async () => {
    const stat = fs.statSync(originalBundle);
    const name = `postgis-${stat.size}-${Math.floor(stat.mtimeMs)}.tar.gz`;
    for (const dir of cacheDirs()) {
      const target = path.join(dir, name);
      if (fs.existsSync(target)) return target;
      try {
        fs.mkdirSync(dir, { recursive: true });
        await writeTrimmed(target);
        return target;
      } catch {
        // not writable here (a read-only install): try the next place
      }
    }
    return originalBundle;
  })();
  return trimmedPath;
}

/** The `postgis` PGlite extension, loading the trimmed bundle. */
export const trimmedPostgis: Extension = {
  name: 'postgis',
  async setup(pg, emscriptenOpts) {
    const setup = await postgis.setup(pg, emscriptenOpts);
    return { ...setup, bundlePath: pathToFileURL(await trimmedBundle()) };
  },
};
