// A partner's view: an intranet page embeds /embed/briefings/ in an iframe; the
// embed's links must open in the whole window, not inside the frame.
// Usage: node tests/browser/embed.mjs PUBLIC_DIR   (Debian's chromium, driven by playwright-core)
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const site = path.resolve(process.argv[2]);
let passed = 0, failed = 0;
const check = (ok, what) => { if (ok) { passed++; } else { failed++; console.error(`FAILED: ${what}`); } };

const partnerPage = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Partner intranet</title></head>
<body><h1>Partner intranet</h1><iframe id="embed" src="/embed/briefings/" title="Latest briefings" width="600" height="500"></iframe></body></html>`;

const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png' };
const server = http.createServer((req, res) => {
  const url = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
  if (url === '/partner.html') { res.writeHead(200, { 'content-type': 'text/html' }); res.end(partnerPage); return; }
  let file = path.join(site, url);
  if (!file.startsWith(site)) { res.writeHead(404); res.end(); return; }
  if (url.endsWith('/')) file = path.join(file, 'index.html');
  fs.readFile(file, (err, data) => {
    if (err) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' });
    res.end(data);
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  await page.goto(`${origin}/partner.html`);
  const frame = page.frameLocator('#embed');
  const links = frame.locator('main a');
  const count = await links.count();
  check(count >= 2, `the embed shows briefings (found ${count} links)`);
  for (let i = 0; i < count; i++) {
    const target = await links.nth(i).getAttribute('target');
    check(target === '_parent', `link ${i} opens in the parent window (target=${target})`);
  }
  const first = links.first();
  const href = await first.getAttribute('href');
  // The site's absolute URL points at its own domain; follow the same path on this test server.
  const expected = new URL(href).pathname;
  await first.evaluate((a, o) => { a.href = o + new URL(a.href).pathname; }, origin);
  await Promise.all([page.waitForURL(`**${expected}`, { timeout: 10000 }), first.click()]);
  check(new URL(page.url()).pathname === expected, `clicking a briefing replaces the partner page (${page.url()})`);
  check(await page.locator('h1').count() === 1, 'the briefing page opened at the top level');
} finally {
  await browser.close();
  server.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
