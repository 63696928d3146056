// A static server for the benchmark: serves the repository root on 127.0.0.1, gzip-encoded like a real
// site (so transferred bytes are what a visitor downloads), never cached by the browser.
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml',
};

// Each file compressed once per content, as a static site serves precompressed files (or a CDN its cached
// copy): compressing on every request (gzip -9 of the 350 KB wasm took 12–40 ms on this server's one thread,
// on the 2 cores the browser also uses) made every file queue behind the wasm's or a library's compression.
const cache = new Map();
async function compressed(file, body) {
  const hit = cache.get(file);
  if (hit && hit.body.equals(body)) return hit.gzip;
  const gzip = await new Promise((resolve, reject) => zlib.gzip(body, { level: 9 }, (e, out) => (e ? reject(e) : resolve(out))));
  cache.set(file, { body, gzip });
  return gzip;
}

// budget-lens-www.html is budget-lens.html with the unminified sources (www/) for the dist/ build: made here
// from the one page, so that the two cannot drift apart, and still a page with static tags.
const DERIVED = { 'budget-lens-www.html': ['budget-lens.html', (html) => html.replaceAll('/dist/', '/www/')] };

async function readPage(file) {
  const derived = DERIVED[path.basename(file)];
  if (!derived) return fs.readFile(file);
  const [from, change] = derived;
  return Buffer.from(change(await fs.readFile(path.join(path.dirname(file), from), 'utf8')));
}

export function startServer(root) {
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://127.0.0.1');
      const file = path.join(root, decodeURIComponent(url.pathname));
      if (!file.startsWith(root)) throw new Error('outside root');
      const body = await readPage(file);
      const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] || '');
      const sent = gzip ? await compressed(file, body) : body;
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
        'Cache-Control': 'no-store',
        ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
      });
      res.end(sent);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${server.address().port}` }));
  });
}
