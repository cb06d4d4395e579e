// The example site in Welsh and English, in a real browser: each page's
// `<html lang>`, its language switch (a link with hreflang and lang to the
// same page in the other language, the first Tab stop after the skip link,
// followed with Enter) and the search of each language, which finds that
// language's pages only.
// Usage: node tests/browser/languages.mjs PUBLIC_DIR
import fs from 'node:fs';
import path from 'node:path';
import { serveSite, launchChromium, Tally } from './support.mjs';

const site = path.resolve(process.argv[2]);
const tally = new Tally();
const check = (ok, what) => tally.check(ok, what);

const WELSH_BRIEFING = '/cy/briefings/chwilfrydedd-proffesiynol-ac-esgeulustod/';
const ENGLISH_BRIEFING = '/briefings/professional-curiosity-and-neglect/';

// Each page, its language, and the page its language switch leads to.
const PAIRS = [
  { url: '/cy/amdanom/', lang: 'cy', to: '/about/', toLang: 'en-GB', name: 'English' },
  { url: '/about/', lang: 'en-GB', to: '/cy/amdanom/', toLang: 'cy', name: 'Cymraeg' },
  { url: '/cy/', lang: 'cy', to: '/', toLang: 'en-GB', name: 'English' },
  { url: '/', lang: 'en-GB', to: '/cy/', toLang: 'cy', name: 'Cymraeg' },
  { url: WELSH_BRIEFING, lang: 'cy', to: ENGLISH_BRIEFING, toLang: 'en-GB', name: 'English' },
  { url: '/cy/search/', lang: 'cy', to: '/search/', toLang: 'en-GB', name: 'English' },
];

// The search index: one for each language, as Pagefind read each page's <html lang>.
const entry = JSON.parse(fs.readFileSync(path.join(site, 'pagefind', 'pagefind-entry.json'), 'utf8'));
for (const lang of ['en-gb', 'cy']) {
  const index = entry.languages[lang];
  check(index && index.page_count > 0, `pagefind-entry.json has an index for ${lang} (${JSON.stringify(entry.languages)})`);
}
check(Object.keys(entry.languages).length === 2, `the search index has two languages, not ${Object.keys(entry.languages)}`);

const server = await serveSite(site);
const origin = server.origin;
const browser = await launchChromium();

async function openPage() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
  return { context, page, problems };
}

const htmlLang = (page) => page.evaluate(() => document.documentElement.getAttribute('lang'));
const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  return { tag: el.tagName, href: el.getAttribute('href'), hreflang: el.getAttribute('hreflang'),
           lang: el.getAttribute('lang'), text: el.textContent.trim(), skip: el.classList.contains('govuk-skip-link') };
});

// Types `query` into the search page at `url` and submits it; returns the
// results' links (paths) and the announced status.
async function search(page, url, query) {
  await page.goto(origin + url);
  await page.waitForSelector('#search-query', { timeout: 10000 });
  await page.locator('#search-query').click();
  await page.keyboard.type(query);
  await page.keyboard.press('Enter');
  const status = page.locator('.herald-search__status');
  await page.waitForFunction(() => (document.querySelector('.herald-search__status') || {}).textContent, null, { timeout: 10000 });
  const links = await page.locator('.herald-search__result a').evaluateAll((as) => as.map((a) => new URL(a.href).pathname));
  return { links, status: await status.textContent() };
}

try {
  for (const p of PAIRS) {
    const { context, page, problems } = await openPage();
    const response = await page.goto(origin + p.url);
    check(response.status() === 200, `${p.url}: HTTP ${response.status()}`);
    check((await htmlLang(page)) === p.lang, `${p.url}: <html lang="${await htmlLang(page)}">, not "${p.lang}"`);
    // The switch: a link, named in its language, marked with hreflang and lang.
    const link = page.locator('.herald-language a');
    check((await link.count()) === 1, `${p.url}: one language link (${await link.count()})`);
    const attrs = await link.first().evaluate((a) => ({ href: new URL(a.href).pathname, hreflang: a.getAttribute('hreflang'),
                                                         lang: a.getAttribute('lang'), text: a.textContent.trim() }));
    check(attrs.href === p.to && attrs.hreflang === p.toLang && attrs.lang === p.toLang && attrs.text === p.name,
          `${p.url}: the language link leads to ${p.to} with hreflang and lang ${p.toLang}, named ${p.name} (got ${JSON.stringify(attrs)})`);
    // By keyboard: the skip link, then the language link; Enter follows it.
    await page.keyboard.press('Tab');
    const first = await focused(page);
    check(first.skip, `${p.url}: the first Tab stop is the skip link (got ${JSON.stringify(first)})`);
    await page.keyboard.press('Tab');
    const second = await focused(page);
    check(second.tag === 'A' && second.hreflang === p.toLang && second.lang === p.toLang,
          `${p.url}: the second Tab stop is the language link (got ${JSON.stringify(second)})`);
    const visible = await page.evaluate(() => {
      const r = document.activeElement.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && r.top >= 0;
    });
    check(visible, `${p.url}: the focused language link is visible`);
    await Promise.all([page.waitForURL((u) => u.pathname === p.to, { timeout: 10000 }), page.keyboard.press('Enter')]);
    check(new URL(page.url()).pathname === p.to, `${p.url}: Enter on the language link opens ${p.to} (${page.url()})`);
    check((await htmlLang(page)) === p.toLang, `${p.to}: <html lang="${await htmlLang(page)}">, not "${p.toLang}"`);
    check(problems.length === 0, `${p.url}: ${problems.join('; ')}`);
    await context.close();
  }

  // Each language's search finds that language's pages, and only those.
  {
    const { context, page, problems } = await openPage();
    const welsh = await search(page, '/cy/search/', 'chwilfrydedd');
    check(welsh.links.includes(WELSH_BRIEFING), `/cy/search/ finds the Welsh briefing for "chwilfrydedd" (got ${JSON.stringify(welsh.links)})`);
    check(welsh.links.every((l) => l.startsWith('/cy/')), `/cy/search/ finds Welsh pages only (got ${JSON.stringify(welsh.links)})`);
    const neglect = await search(page, '/cy/search/', 'neglect');
    check(!neglect.links.includes(ENGLISH_BRIEFING) && neglect.links.every((l) => l.startsWith('/cy/')),
          `/cy/search/ does not find English pages (got ${JSON.stringify(neglect.links)})`);
    const english = await search(page, '/search/', 'chwilfrydedd');
    check(english.links.length === 0, `/search/ does not find the Welsh briefing (got ${JSON.stringify(english.links)})`);
    const curiosity = await search(page, '/search/', 'curiosity');
    check(curiosity.links.includes(ENGLISH_BRIEFING), `/search/ finds the English briefing for "curiosity" (got ${JSON.stringify(curiosity.links)})`);
    check(curiosity.links.every((l) => !l.startsWith('/cy/')), `/search/ finds English pages only (got ${JSON.stringify(curiosity.links)})`);
    // The result opens with a click, in Welsh.
    await search(page, '/cy/search/', 'chwilfrydedd');
    await Promise.all([page.waitForURL((u) => u.pathname === WELSH_BRIEFING, { timeout: 10000 }),
                       page.locator(`.herald-search__result a[href$="${WELSH_BRIEFING}"]`).first().click()]);
    check((await htmlLang(page)) === 'cy', `the Welsh result opens in Welsh (${page.url()})`);
    check(problems.length === 0, `search: ${problems.join('; ')}`);
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
tally.finish('languages');
