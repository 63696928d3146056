// make dist: copies the files a site needs (listed in pkg.json) into dist/ and writes dist/pkg.json with
// each file's byte size and its sha384 Subresource Integrity hash.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(root, 'pkg.json'), 'utf8'));
const dist = join(root, 'dist');
rmSync(dist, { recursive: true, force: true });

manifest.files = manifest.files.map((file) => {
  const from = join(root, 'www', file.path);
  const bytes = readFileSync(from);
  mkdirSync(dirname(join(dist, file.path)), { recursive: true });
  copyFileSync(from, join(dist, file.path));
  const integrity = `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
  return { ...file, bytes: bytes.length, integrity };
});
writeFileSync(join(dist, 'pkg.json'), `${JSON.stringify(manifest, null, 2)}\n`);
for (const f of manifest.files) console.log(`${f.path.padEnd(28)} ${String(f.bytes).padStart(8)} bytes  ${f.integrity}`);
