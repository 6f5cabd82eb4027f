import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { keptInTrimmedBundle, trimmedBundle } from './postgis-bundle.ts';

describe('the trimmed PostGIS bundle of the embedded database', () => {
  it('keeps the postgis extension (library, control, install and upgrade scripts, PROJ data) and nothing else', () => {
    for (const name of [
      'lib/postgresql/postgis-3.so',
      'share/postgresql/extension/postgis.control',
      'share/postgresql/extension/postgis--3.6.2.sql',
      'share/postgresql/extension/postgis--ANY--3.6.2.sql',
      'share/proj/proj.db',
    ]) {
      expect(keptInTrimmedBundle(name), name).toBe(true);
    }
    for (const name of [
      'lib/postgresql/postgis_raster-3.so',
      'lib/postgresql/postgis_topology-3.so',
      'share/postgresql/extension/postgis_raster--3.6.2.sql',
      'share/postgresql/extension/postgis_topology.control',
      'share/postgresql/extension/postgis--2.0.0--ANY.sql',
      'share/postgresql/extension/postgis--unpackaged--3.6.2.sql',
      'share/postgresql/contrib/postgis-3.6/spatial_ref_sys.sql',
    ]) {
      expect(keptInTrimmedBundle(name), name).toBe(false);
    }
  });

  it('is made once and is much smaller than the installed bundle', async () => {
    const first = await trimmedBundle();
    expect(first).toMatch(/postgis-\d+-\d+\.tar\.gz$/);
    expect(await trimmedBundle()).toBe(first);
    expect(fs.statSync(first).size).toBeLessThan(12_000_000); // the installed one is ~20 MB
  });
});
