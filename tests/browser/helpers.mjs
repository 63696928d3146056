// Shared by the browser tests: a static server on a free port over the repository, headless Debian
// Chromium through playwright-core with a fresh profile, and small page helpers.
import { mkdtempSync, rmSync, readFileSync, existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

export const ROOT = normalize(join(dirname(fileURLToPath(import.meta.url)), '..', '..'));
export const SCREENSHOTS = join(ROOT, 'tests', 'browser', 'screenshots');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** Serves the repository read-only on 127.0.0.1 at a free port; `requests` lists every path asked for. */
export async function startServer() {
  const requests = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    const file = normalize(join(ROOT, path));
    if (!file.startsWith(ROOT + sep) || !existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    requests,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches Chromium on `profile`. Chromium in a container now and then dies at start (seen once in
 *  session 4: SIGSEGV before the first page, the next launch fine); a launch that fails is tried again once,
 *  so that a crash of the browser's start is not taken for a failure of the page under test. */
async function launch(profile, options) {
  const settings = {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: FLAGS,
    viewport: { width: 1000, height: 800 },
    ...options,
  };
  try {
    return await chromium.launchPersistentContext(profile, settings);
  } catch (first) {
    console.error(`Chromium did not start (${first.message.split('\n')[0]}); trying once more`);
    return chromium.launchPersistentContext(profile, settings);
  }
}

/** Debian's Chromium with a fresh profile; `close()` removes the profile. */
export async function startBrowser(options = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'budget-lens-chromium-'));
  const context = await launch(profile, options);
  return {
    context,
    async newPage(pageOptions = {}) {
      const page = await context.newPage();
      if (pageOptions.viewport) await page.setViewportSize(pageOptions.viewport);
      page.on('pageerror', (e) => (page.errors ??= []).push(e.message));
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The server and the browser a test file shares: registers the file's hooks that start them before its first
 *  test and close them after its last, and returns the object that holds them then (`session.server`,
 *  `session.browser`). `options` go to [startBrowser]; `setUp(session)` runs once both are up (a file's
 *  own `before` would not wait for them: node 20 runs a file's top-level `before` hooks side by side). */
export function useSession(options = {}, setUp = null) {
  const session = { server: null, browser: null };
  before(async () => {
    session.server = await startServer();
    session.browser = await startBrowser(options);
    await setUp?.(session);
  });
  after(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}

/** Waits until the widget `selector` has drawn its first chart (or shown an error). */
export async function waitReady(page, selector) {
  await page.waitForFunction(
    (sel) => {
      const host = document.querySelector(sel);
      const root = host?.shadowRoot;
      if (!root) return false;
      const error = root.querySelector('.bl-error');
      const canvas = root.querySelector('.bl-canvas');
      return (error && !error.hidden) || (canvas && canvas.width > 0 && !root.querySelector('.bl-body').hidden);
    },
    selector,
    { timeout: 15000 },
  );
}

/** Resolves after the page's next animation frame: a widget brings itself up to date once per frame, so
 *  what an event changed is on the page then. (inkPixels, findColor, shadowText and widgetState wait for it
 *  themselves.) */
export function afterFrame(page) {
  return afterFrames(page, 1);
}

/** Resolves after `count` animation frames of the page: with two, whatever a change asked of the next update
 *  is done and what that update asked for is seen too. It calls the page's `requestAnimationFrame` exactly
 *  `count` times (a test that counts the page's frame requests takes them off). */
export function afterFrames(page, count) {
  return page.evaluate(async (n) => {
    for (let i = 0; i < n; i++) await new Promise((done) => requestAnimationFrame(() => done()));
  }, count);
}

/** A new page of the session's browser that serves `html` at `path` of its server (routed, no file on disk),
 *  opened after `media` is emulated, with the widget `selector` ready. */
export async function openHtmlPage({ browser, server }, { path, html, selector, media }) {
  const page = await browser.newPage();
  try {
    if (media) await page.emulateMedia(media);
    await page.route(`**${path}`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
    await page.goto(server.url(path));
    await waitReady(page, selector);
    return page;
  } catch (error) {
    await page.close(); // the caller never gets the page to close: the failure is the set-up's own
    throw error;
  }
}

/** Counts canvas pixels that are not background white, after the next frame. */
export function inkPixels(page, selector) {
  return page.evaluate(async (sel) => {
    await new Promise((done) => requestAnimationFrame(() => done())); // the widgets update once per frame
    const canvas = document.querySelector(sel).shadowRoot.querySelector('.bl-canvas');
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] < 250 || data[i + 1] < 250 || data[i + 2] < 250) ink++;
    return { ink, width: canvas.width, height: canvas.height, cssWidth: canvas.clientWidth };
  }, selector);
}

/** Text of an element in the widget's shadow root. */
export function shadowText(page, selector, inner) {
  return page.evaluate(async ([sel, q]) => {
    await new Promise((done) => requestAnimationFrame(() => done())); // the widgets update once per frame
    return document.querySelector(sel).shadowRoot.querySelector(q)?.textContent ?? null;
  }, [selector, inner]);
}

export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** The absolute path of a file of the repository, given relative to its root. */
export function reportPath(relative) {
  return join(ROOT, relative);
}

/** The tables corpus's documents by file name without extension (tests/data/tables/corpus.txt, the list
 *  the native tests read too). */
export function tablesCorpus() {
  return readFileSync(reportPath('tests/data/tables/corpus.txt'), 'utf8')
    .split('\n')
    .map((name) => name.trim())
    .filter(Boolean);
}

/** CSS-pixel point of the median canvas pixel of exactly `rgb`, optionally within rows [minY, maxY) and
 *  right of the fraction `minX` of the width. */
export function findColor(page, selector, rgb, { minY = 0, maxY = Infinity, minX = 0 } = {}) {
  return page.evaluate(
    async ([sel, [r, g, b], lo, hi, left]) => {
      await new Promise((done) => requestAnimationFrame(() => done())); // the widgets update once per frame
      const canvas = document.querySelector(sel).shadowRoot.querySelector('.bl-canvas');
      const scale = canvas.width / canvas.clientWidth;
      const { data, width } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      const hits = [];
      for (let i = 0; i < data.length; i += 4) {
        if (data[i] === r && data[i + 1] === g && data[i + 2] === b) {
          const x = (i / 4) % width;
          const y = Math.floor(i / 4 / width);
          if (y / scale >= lo && y / scale < hi && x >= left * width) hits.push([x, y]);
        }
      }
      if (!hits.length) return null;
      const [x, y] = hits[Math.floor(hits.length / 2)];
      canvas.scrollIntoView({ block: 'center', behavior: 'instant' });
      const box = canvas.getBoundingClientRect();
      return { x: box.left + x / scale, y: box.top + y / scale, count: hits.length };
    },
    [selector, rgb, minY, maxY === Infinity ? 1e9 : maxY, minX],
  );
}

/** Facts of a widget's shadow DOM that tests look at. */
export function widgetState(page, selector) {
  return page.evaluate(async (sel) => {
    await new Promise((done) => requestAnimationFrame(() => done())); // the widgets update once per frame
    const root = document.querySelector(sel).shadowRoot;
    const q = (s) => root.querySelector(s);
    const visible = (s) => !!q(s) && !q(s).hidden;
    return {
      crumbs: [...root.querySelectorAll('.bl-crumbs .bl-crumb')].map((c) => c.textContent),
      tip: visible('.bl-tip') ? q('.bl-tip').textContent : null,
      tipLines: visible('.bl-tip') ? [...q('.bl-tip').children].map((c) => c.textContent) : [],
      badge: q('.bl-badge')?.textContent,
      tableShown: visible('.bl-table-wrap'),
      rows: [...root.querySelectorAll('.bl-table tbody tr')].map((tr) => ({
        path: tr.dataset.path,
        cells: [...tr.children].map((c) => c.textContent.replace(/!$/, '')),
        highlighted: tr.classList.contains('bl-highlight'),
      })),
      headers: [...root.querySelectorAll('.bl-table thead th')].map((th) => th.textContent),
      findings: [...root.querySelectorAll('.bl-findings-list li')].map((li) => li.textContent),
      findingsShown: visible('.bl-findings'),
      error: visible('.bl-error') ? q('.bl-error-text').textContent : null,
      live: q('.bl-live')?.textContent,
      active: root.activeElement?.className ?? null,
      pressed: [...root.querySelectorAll('.bl-switch button')].map((b) => b.getAttribute('aria-pressed')),
    };
  }, selector);
}
