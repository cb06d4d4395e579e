// Accessibility of the built example site in a real browser: axe-core on every
// page in light and dark colour schemes at 320px and 1280px, no horizontal
// scrolling at 320px, no request leaving the site, no script errors, keyboard
// use of the skip link and of search, and a screenshot of each page type.
// Usage: node tests/browser/a11y.mjs PUBLIC_DIR SCREENSHOT_DIR
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { serveSite, launchChromium, Tally } from './support.mjs';

const site = path.resolve(process.argv[2]);
const shots = path.resolve(process.argv[3] || 'test-results/screenshots');
const tally = new Tally();
const check = (ok, what) => tally.check(ok, what);
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// One page of each type of the example site, screenshotted at both widths.
const PAGE_TYPES = {
  home: '/',
  newsletters: '/newsletters/',
  newsletter: '/newsletters/autumn-2026/',
  briefings: '/briefings/',
  briefing: '/briefings/professional-curiosity-and-neglect/',
  'review-type': '/briefings/review-type/lcspr/',
  procedures: '/procedures/',
  manual: '/procedures/children/',
  chapter: '/procedures/children/allegations-against-staff/',
  changes: '/procedures/changes/',
  reports: '/reports/',
  report: '/reports/annual-report-2023-24/',
  events: '/events/',
  event: '/events/professional-curiosity-masterclass/',
  meetings: '/meetings/',
  board: '/meetings/executive/',
  minutes: '/meetings/executive/2026-09-17/',
  agenda: '/meetings/executive/2027-01-21/',
  'cancelled-meeting': '/meetings/executive/2026-11-05/',
  actions: '/meetings/executive/actions/',
  contacts: '/contacts/',
  topics: '/topics/',
  topic: '/topics/neglect/',
  audience: '/audience/practitioners/',
  feeds: '/feeds/',
  page: '/about/',
  'page-with-charts': '/reports/annual-report-2025-26/',
  accessibility: '/accessibility/',
  search: '/search/?q=hoarding',
  'not-found': '/no-such-page/',
  embed: '/embed/briefings/',
  // The Welsh pages, at /cy/.
  'home-cy': '/cy/',
  'page-cy': '/cy/amdanom/',
  'briefing-cy': '/cy/briefings/chwilfrydedd-proffesiynol-ac-esgeulustod/',
  'chapter-cy': '/cy/procedures/children/ymateb-i-bryderon/',
  'search-cy': '/cy/search/?q=chwilfrydedd',
};

// Every HTML page of the site, by URL path.
function allPages(dir, prefix = '/') {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) out.push(...allPages(path.join(dir, entry.name), `${prefix}${entry.name}/`));
    // A redirect from an old address (meta refresh) is no page to check: it navigates away.
    else if (entry.name === 'index.html' && !fs.readFileSync(path.join(dir, entry.name), 'utf8').includes('http-equiv="refresh"'))
      out.push(prefix);
  }
  return out;
}

const server = await serveSite(site);
const origin = server.origin;
const browser = await launchChromium();
fs.mkdirSync(shots, { recursive: true });

// A page in a fresh context: records requests to anywhere but the site, and
// script errors (a Content-Security-Policy refusal is one).
async function openPage(width, scheme) {
  const context = await browser.newContext({
    viewport: { width, height: 900 }, colorScheme: scheme, reducedMotion: 'reduce', bypassCSP: false,
  });
  const page = await context.newPage();
  const problems = [];
  page.on('request', (r) => { if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) problems.push(`request to ${r.url()}`); });
  page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error' && !/404 \(Not Found\)/.test(m.text())) problems.push(`console error: ${m.text()}`); });
  return { context, page, problems };
}

// axe-core in the page: CSP allows only the site's own scripts, so its source
// is evaluated through the DevTools protocol rather than added as a script.
async function axe(page) {
  if (!(await page.evaluate(() => !!window.axe))) await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  }, TAGS);
}

async function searchFor(page, query) {
  await page.waitForSelector('#search-query', { timeout: 10000 });
  const results = page.locator('.herald-search__result');
  if (query) await results.first().waitFor({ timeout: 10000 });
  return results;
}

const typeByPath = new Map(Object.entries(PAGE_TYPES).map(([k, v]) => [v, k]));
// Each language's search page is visited with a query (PAGE_TYPES), not empty.
const isSearch = (url) => /^\/([a-z]{2}\/)?search\/$/.test(url);
const paths = [...new Set([...allPages(site).filter((p) => !isSearch(p)), ...Object.values(PAGE_TYPES)])];
check(paths.filter((p) => p.startsWith('/cy/')).length >= 20, `every Welsh page is visited too (${paths.filter((p) => p.startsWith('/cy/')).length} under /cy/)`);
let axeRuns = 0;
try {
  for (const width of [320, 1280]) {
    for (const scheme of ['light', 'dark']) {
      const { context, page, problems } = await openPage(width, scheme);
      for (const url of paths) {
        const where = `${url} at ${width}px, ${scheme}`;
        problems.length = 0;
        const response = await page.goto(origin + url, { waitUntil: 'load' });
        check(response.status() === (url === '/no-such-page/' ? 404 : 200), `${where}: HTTP ${response.status()}`);
        const query = new URL(url, origin).searchParams.get('q');
        if (isSearch(new URL(url, origin).pathname)) await searchFor(page, query);
        const violations = await axe(page);
        axeRuns++;
        check(violations.length === 0, `${where}: axe found\n    ${violations.join('\n    ')}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        check(overflow <= 0, `${where}: scrolls sideways by ${overflow}px`);
        check(problems.length === 0, `${where}: ${problems.join('; ')}`);
        const type = typeByPath.get(url);
        if (type) await page.screenshot({ path: path.join(shots, `${type}-${width}-${scheme}.png`), fullPage: true });
      }
      await context.close();
    }
  }
  console.log(`axe: ${axeRuns} page views checked (${paths.length} pages, 2 widths, 2 colour schemes)`);

  // Keyboard: the first Tab stop is the skip link, and it moves focus to the content.
  {
    const { context, page } = await openPage(1280, 'light');
    await page.goto(`${origin}/briefings/`);
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => ({ text: document.activeElement.textContent.trim(), href: document.activeElement.getAttribute('href') }));
    check(first.text === 'Skip to main content' && first.href === '#main-content', `first Tab stop is the skip link (got "${first.text}")`);
    const visible = await page.evaluate(() => {
      const r = document.activeElement.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && r.top >= 0;
    });
    check(visible, 'the skip link is visible when focused');
    await page.keyboard.press('Enter');
    check(new URL(page.url()).hash === '#main-content', 'Enter on the skip link goes to the main content');
    // Every focusable element shows a focus style different from its resting style.
    const unstyled = await page.evaluate(() => {
      const bad = [];
      for (const el of document.querySelectorAll('a[href], button, input, summary')) {
        const before = getComputedStyle(el);
        const rest = [before.outlineStyle, before.backgroundColor, before.boxShadow, before.color].join('|');
        el.focus();
        const after = getComputedStyle(el);
        const focused = [after.outlineStyle, after.backgroundColor, after.boxShadow, after.color].join('|');
        if (document.activeElement === el && rest === focused) bad.push(el.outerHTML.slice(0, 80));
      }
      return bad;
    });
    check(unstyled.length === 0, `every link and control shows focus (not: ${unstyled.join(', ')})`);
    await context.close();
  }

  // Keyboard: search reached by Tab, typed into, submitted with Enter; the
  // expected briefing comes back and opens with Enter.
  {
    const { context, page, problems } = await openPage(1280, 'light');
    await page.goto(`${origin}/search/`);
    await page.waitForSelector('#search-query');
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement && document.activeElement.id === 'search-query');
    }
    check(reached, 'the search box is reached with Tab');
    await page.keyboard.type('hoarding');
    await page.keyboard.press('Enter');
    const results = await searchFor(page, 'hoarding');
    const titles = await results.locator('h2').allTextContents();
    check(titles.includes('Self-neglect and hoarding'), `a search for "hoarding" finds the briefing (got ${JSON.stringify(titles)})`);
    const status = await page.locator('.herald-search__status').textContent();
    check(/result/.test(status) && /hoarding/.test(status), `the number of results is announced ("${status}")`);
    // Tab on from the search button to the first result, then open it.
    let onResult = false;
    for (let i = 0; i < 60 && !onResult; i++) {
      await page.keyboard.press('Tab');
      onResult = await page.evaluate(() => !!document.activeElement.closest('.herald-search__result'));
    }
    check(onResult, 'the results are reached with Tab');
    const target = await page.evaluate(() => document.activeElement.getAttribute('href'));
    await Promise.all([page.waitForURL((u) => u.pathname !== '/search/', { timeout: 10000 }), page.keyboard.press('Enter')]);
    check(new URL(page.url()).pathname === target, `Enter opens the result (${page.url()})`);
    // Filters: only 7-minute briefings, by keyboard-operable checkboxes.
    await page.goto(`${origin}/search/?q=neglect&kind=${encodeURIComponent('7-minute briefing')}`);
    const filtered = await searchFor(page, 'neglect');
    const kinds = await filtered.locator('.herald-search__kind').allTextContents();
    check(kinds.length > 0 && kinds.every((k) => k === '7-minute briefing'), `the kind filter keeps only briefings (got ${JSON.stringify(kinds)})`);
    check(problems.length === 0, `search: ${problems.join('; ')}`);
    await context.close();
  }

  // Without JavaScript the search page offers the browsing pages.
  {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${origin}/search/`);
    const links = await page.locator('main a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    check(['../topics/', '../audience/', '../briefings/'].every((h) => links.includes(h)), `without JavaScript, search links to the browsing pages (${links})`);
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
tally.finish('accessibility');
