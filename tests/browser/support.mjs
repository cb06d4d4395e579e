// What the browser tests share: a static server for a built site, Debian's
// chromium driven by playwright-core, and a tally of checks.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const types = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript',
  '.mjs': 'text/javascript', '.json': 'application/json', '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.xml': 'application/xml',
  '.pdf': 'application/pdf', '.ics': 'text/calendar', '.vcf': 'text/vcard',
};

/// Serves `site` on a free loopback port as a static host would: folders by
/// their index.html, /404.html with status 404 for anything missing. `extra`
/// maps paths to HTML of the test's own. Resolves to { origin, close }.
export async function serveSite(site, extra = {}) {
  const root = path.resolve(site);
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    if (extra[url]) { res.writeHead(200, { 'content-type': types['.html'] }); res.end(extra[url]); return; }
    let file = path.join(root, url);
    if (file !== root && !file.startsWith(root + path.sep)) { res.writeHead(404); res.end(); return; }
    if (url.endsWith('/')) file = path.join(file, 'index.html');
    fs.readFile(file, (err, data) => {
      if (err) {
        fs.readFile(path.join(root, '404.html'), (err404, page) => {
          res.writeHead(404, { 'content-type': types['.html'] });
          res.end(err404 ? '' : page);
        });
        return;
      }
      res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' });
      res.end(data);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

/// Debian's chromium, never a downloaded browser.
export function launchChromium() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/// Counts checks; prints each failure as it happens and a summary at the end.
export class Tally {
  constructor() { this.passed = 0; this.failed = 0; }
  check(ok, what) {
    if (ok) this.passed++;
    else { this.failed++; console.error(`FAILED: ${what}`); }
    return ok;
  }
  finish(name) {
    console.log(`${name}: ${this.passed} passed, ${this.failed} failed`);
    process.exit(this.failed ? 1 : 0);
  }
}
