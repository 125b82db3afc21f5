// Bundles the browser widget into one small IIFE and holds it to its size budget.
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'dist', 'widget.js');
const GZIP_BUDGET_BYTES = 25 * 1024;

await build({
  entryPoints: [join(root, 'src', 'widget.ts')],
  outfile,
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2019'],
  platform: 'browser',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  legalComments: 'none',
  logLevel: 'warning',
});

const bytes = readFileSync(outfile);
const gzipped = gzipSync(bytes, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
writeFileSync(
  join(root, 'dist', 'widget.size.json'),
  `${JSON.stringify({ bytes: bytes.length, gzipBytes: gzipped, gzipBudgetBytes: GZIP_BUDGET_BYTES })}\n`,
);
console.log(
  `widget.js: ${kb(bytes.length)} minified, ${kb(gzipped)} gzipped (budget ${kb(GZIP_BUDGET_BYTES)})`,
);
if (gzipped > GZIP_BUDGET_BYTES) {
  console.error(`widget.js is over its gzip budget by ${kb(gzipped - GZIP_BUDGET_BYTES)}`);
  process.exit(1);
}
