// The newsletters' email editions in a real browser, as a mail program that
// shows HTML would: every email.html at 600px (the column) and 320px (a
// phone) wide, light and dark, with axe-core finding nothing, nothing
// scrolling sideways at 320px, no script and no stylesheet (every style
// inline), every picture loaded with alt text, and a screenshot of each.
// The edition's addresses are the site's base_url: they are answered by the
// built site, so nothing leaves this computer.
// Usage: node tests/browser/email.mjs PUBLIC_DIR BASE_URL SCREENSHOT_DIR
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { serveSite, launchChromium, Tally } from './support.mjs';

const site = path.resolve(process.argv[2]);
const baseUrl = process.argv[3];
const shots = path.resolve(process.argv[4] || 'test-results/screenshots');
const tally = new Tally();
const check = (ok, what) => tally.check(ok, what);
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// Every email edition of the site, by URL path.
function editions(dir, prefix = '/') {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) out.push(...editions(path.join(dir, entry.name), `${prefix}${entry.name}/`));
    else if (entry.name === 'email.html') out.push(`${prefix}email.html`);
  }
  return out;
}

const emails = editions(site);
check(emails.length > 0, 'the site has email editions');
const server = await serveSite(site);
const browser = await launchChromium();
fs.mkdirSync(shots, { recursive: true });
try {
  for (const width of [600, 320]) {
    for (const scheme of ['light', 'dark']) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
      const page = await context.newPage();
      const problems = [];
      // The site's whole addresses, answered by the built site; anything else is a problem.
      await page.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith(baseUrl)) {
          let file = path.join(site, decodeURIComponent(new URL(url).pathname.slice(new URL(baseUrl).pathname.length)));
          if (file.endsWith(path.sep)) file = path.join(file, 'index.html');
          if (file.startsWith(site + path.sep) && fs.existsSync(file)) return route.fulfill({ path: file });
          problems.push(`${url}: not a file of the site`);
          return route.abort();
        }
        if (url.startsWith(server.origin)) return route.continue();
        problems.push(`request to ${url}`);
        return route.abort();
      });
      for (const url of emails) {
        const where = `${url} at ${width}px, ${scheme}`;
        problems.length = 0;
        const response = await page.goto(server.origin + url, { waitUntil: 'load' });
        check(response.status() === 200, `${where}: HTTP ${response.status()}`);
        // axe-core through the DevTools protocol: the page itself has no script.
        await page.evaluate(axeSource);
        const violations = await page.evaluate(async (tags) => {
          const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
          return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
        }, TAGS);
        check(violations.length === 0, `${where}: axe found\n    ${violations.join('\n    ')}`);
        const facts = await page.evaluate(() => ({
          overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          styleSheets: document.querySelectorAll('style, link[rel~="stylesheet"]').length,
          scripts: document.querySelectorAll('script').length,
          lang: document.documentElement.lang,
          layout: [...document.querySelectorAll('table')].filter((t) => !t.querySelector('th')).every((t) => t.getAttribute('role') === 'presentation'),
          pictures: [...document.images].map((i) => ({ src: i.src, alt: i.getAttribute('alt'), loaded: i.complete && i.naturalWidth > 0, width: i.getBoundingClientRect().width })),
          smallest: Math.min(...[...document.body.querySelectorAll('p, li, td, th, a, h1, h2, h3')].filter((e) => e.offsetParent).map((e) => parseFloat(getComputedStyle(e).fontSize))),
        }));
        check(facts.overflow <= 0, `${where}: scrolls sideways by ${facts.overflow}px`);
        check(facts.styleSheets === 0 && facts.scripts === 0, `${where}: has ${facts.styleSheets} style sheets and ${facts.scripts} scripts`);
        check(facts.lang !== '', `${where}: no lang`);
        check(facts.layout, `${where}: a layout table without role="presentation"`);
        check(facts.smallest >= 14, `${where}: text of ${facts.smallest}px, under 14px`);
        for (const p of facts.pictures) {
          check(p.loaded, `${where}: picture ${p.src} did not load`);
          check(p.alt !== null, `${where}: picture ${p.src} has no alt attribute`);
          check(p.width <= width, `${where}: picture ${p.src} is ${p.width}px wide`);
        }
        check(problems.length === 0, `${where}: ${problems.join('; ')}`);
        const name = url.split('/').filter(Boolean).slice(-2, -1)[0];
        await page.screenshot({ path: path.join(shots, `email-${name}-${width}-${scheme}.png`), fullPage: true });
      }
      await context.close();
    }
  }
  console.log(`email: ${emails.length} email editions checked at 2 widths, light and dark`);
} finally {
  await browser.close();
  server.close();
}
tally.finish('email');
