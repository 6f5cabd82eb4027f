import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = path.dirname(fileURLToPath(import.meta.url));

/**
 * Emits sw.js from service-worker.js with this build's files (no source maps) and an id that changes whenever
 * one of them does, so a new build installs a new cache and drops the old one.
 */
function serviceWorker(): Plugin {
  return {
    name: 'caucus-service-worker',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const files = Object.values(bundle).filter((f) => !f.fileName.endsWith('.map'));
      const hash = createHash('sha256');
      for (const f of files.sort((a, b) => a.fileName.localeCompare(b.fileName))) {
        hash.update(f.fileName).update(f.type === 'chunk' ? f.code : f.source);
      }
      const assets = files.filter((f) => f.fileName !== 'index.html').map((f) => `/${f.fileName}`);
      const template = fs.readFileSync(path.join(root, 'service-worker.js'), 'utf8');
      const marker = /\/\* build \*\/ \{[^}]*\}/;
      if (!marker.test(template)) throw new Error('service-worker.js lost its /* build */ marker');
      const filled = JSON.stringify({ id: hash.digest('hex').slice(0, 16), assets });
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: template.replace(marker, () => filled) });
    },
  };
}

export default defineConfig({
  root,
  plugins: [react(), serviceWorker()],
  build: { outDir: path.resolve(root, '../../dist/web'), emptyOutDir: true, sourcemap: true },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000', '/osdi': 'http://127.0.0.1:3000', '/open311': 'http://127.0.0.1:3000' },
  },
});
