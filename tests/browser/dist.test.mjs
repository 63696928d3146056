// make dist: the files a site copies work from another folder, and pkg.json's sizes and SRI hashes are right
// (the browser enforces them through `integrity`).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ROOT, inkPixels, startBrowser, startServer, waitReady, widgetState } from './helpers.mjs';

let server;
let browser;
let manifest;

before(async () => {
  execFileSync('node', [join(ROOT, 'scripts', 'dist.mjs')], { cwd: ROOT, stdio: 'ignore' });
  manifest = JSON.parse(readFileSync(join(ROOT, 'dist', 'pkg.json'), 'utf8'));
  server = await startServer();
  browser = await startBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('pkg.json lists every file with its size and sha384', () => {
  assert.deepEqual(manifest.reads, ['budget-lens/1']);
  assert.ok(manifest.embed.includes('<budget-lens'));
  for (const file of manifest.files) {
    const bytes = readFileSync(join(ROOT, 'dist', file.path));
    assert.equal(file.bytes, bytes.length, file.path);
    assert.equal(file.integrity, `sha384-${createHash('sha384').update(bytes).digest('base64')}`, file.path);
  }
});

test('the copied files work from another folder with SRI enforced', async () => {
  const sri = Object.fromEntries(manifest.files.map((f) => [f.path, f.integrity]));
  copyFileSync(join(ROOT, 'tests/browser/fixtures/small-2021.json'), join(ROOT, 'dist', 'report.json'));
  writeFileSync(
    join(ROOT, 'dist', 'page.html'),
    `<!doctype html><meta charset="utf-8">
<link rel="stylesheet" href="budget-lens.css" integrity="${sri['budget-lens.css']}">
<script type="module" src="budget-lens.js" integrity="${sri['budget-lens.js']}"></script>
<budget-lens id="w" src="report.json" view="gpb_by_function" chart="bar"></budget-lens>`,
  );
  const page = await browser.newPage();
  await page.goto(server.url('/dist/page.html'));
  await waitReady(page, '#w');
  assert.ok((await inkPixels(page, '#w')).ink > 1000);
  assert.ok(server.requests.includes('/dist/pkg/budget_lens_bg.wasm'), 'the wasm comes from beside the script');
  await page.close();
});

test('the dist entry script checks the wasm against its hash: a tampered wasm is refused', async () => {
  const wasmFile = join(ROOT, 'dist', 'pkg', 'budget_lens_bg.wasm');
  const wasm = manifest.files.find((f) => f.path === 'pkg/budget_lens_bg.wasm');
  assert.ok(readFileSync(join(ROOT, 'dist', 'budget-lens.js'), 'utf8').includes(`const BUILT_WASM_INTEGRITY = '${wasm.integrity}';`));
  const original = readFileSync(wasmFile);
  writeFileSync(wasmFile, Buffer.concat([original, Buffer.from([0])]));
  try {
    writeFileSync(
      join(ROOT, 'dist', 'tampered.html'),
      `<!doctype html><meta charset="utf-8"><script type="module" src="budget-lens.js"></script>
<budget-lens id="w" src="report.json" lang="en"></budget-lens>`,
    );
    const page = await browser.newPage();
    await page.goto(server.url('/dist/tampered.html'));
    await waitReady(page, '#w');
    assert.match((await widgetState(page, '#w')).error ?? '', /Cannot load the chart component/);
    await page.close();
  } finally {
    writeFileSync(wasmFile, original);
  }
});

test('a page can give the wasm hash as the wasm-integrity attribute', async () => {
  const wasm = manifest.files.find((f) => f.path === 'pkg/budget_lens_bg.wasm');
  const load = async (integrity) => {
    const page = await browser.newPage();
    await page.goto(server.url('/tests/browser/pages/hardening.html'));
    await page.evaluate((hash) => {
      const el = document.createElement('budget-lens');
      el.id = 'w';
      el.setAttribute('wasm-integrity', hash);
      el.setAttribute('src', '/www/reports/panjin-xinglongtai-2021.json');
      document.getElementById('box').append(el);
    }, integrity);
    await waitReady(page, '#w');
    const state = await widgetState(page, '#w');
    await page.close();
    return state.error;
  };
  // www/ and dist/ hold the same wasm, so the manifest's hash fits the www copy too.
  assert.equal(await load(wasm.integrity), null);
  assert.match(await load('sha384-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'), /无法加载图表组件/);
});
