// A partner's view: an intranet page embeds /embed/briefings/ in an iframe; the
// embed's links must open in the whole window, not inside the frame.
// Usage: node tests/browser/embed.mjs PUBLIC_DIR   (Debian's chromium, driven by playwright-core)
import { serveSite, launchChromium, Tally } from './support.mjs';

const site = process.argv[2];
const tally = new Tally();
const check = (ok, what) => tally.check(ok, what);

const partnerPage = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Partner intranet</title></head>
<body><h1>Partner intranet</h1><iframe id="embed" src="/embed/briefings/" title="Latest briefings" width="600" height="500"></iframe></body></html>`;

const server = await serveSite(site, { '/partner.html': partnerPage });
const origin = server.origin;
const browser = await launchChromium();
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
tally.finish('embed');
