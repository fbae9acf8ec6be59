// Bundles the compiled CLI (build/src/cli/main.js and everything it imports from src/) into build/cli/, one
// chunk per lazily loaded command, so `quiver serve` loads a handful of files instead of ~600 modules
// (start-up time, issue #6). npm packages stay external and load from node_modules.
// Usage: node scripts/bundle-cli.mjs (after `tsc -b`); `npm run build` runs both.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunk names carry content hashes: without this, every build would leave the previous chunks behind.
rmSync('build/cli', { recursive: true, force: true });
await build({
  entryPoints: ['build/src/cli/main.js'],
  outdir: 'build/cli',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
