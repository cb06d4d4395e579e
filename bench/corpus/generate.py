#!/usr/bin/env python3
"""Writes a corpus of N partnership pages as a herald site (a git repository)
and, from the same text, as a Hugo, a Jekyll and an Eleventy site, for
side-by-side build timings.

Usage: generate.py N OUT_DIR [TOOL...]
  ->  OUT_DIR/herald (committed), OUT_DIR/hugo, OUT_DIR/jekyll, OUT_DIR/eleventy
      (only the named ones when TOOLs are given)
Pages are briefings with seven sections, newsletters with several articles and
procedure chapters with tables and lists; every page has topics, audience and
links. PDFs are switched off (pdf: false): the peers make none.

Every peer gets the same minimal site: a layout with the title, date, topic
links and body; a list page per section; the two taxonomies (topics, audience)
with a page per term; an RSS feed of the 20 newest entries for the home page,
each section and each term (herald's default length); and a sitemap.

  generate.py --edit OUT_DIR TOOL   changes one page of that copy (herald's as a
                                    commit), for the warm-rebuild timing

SHAPE=long (environment) writes pages of the shape of real partnership
content instead: about 8 KB each, three in four with a GFM table, nested
front matter (a briefing's source:), as newsletters, annual reports and
procedure chapters are.

PDF=1 (environment) leaves herald's print PDFs on (a full default build).

HISTORY=N (environment) gives the herald site N more commits after the
corpus, each changing one page, as a real site's repository has: herald
walks the whole history on a first build. The peers read no history.
"""
import datetime
import json
import os
import random
import subprocess
import sys

WORDS = ("practitioners agencies neglect safeguarding partnership review learning family child adult "
         "professional curiosity information sharing referral school health police council risk "
         "assessment plan support record concern supervision manager").split()
TOPICS = ["neglect", "exploitation", "domestic-abuse", "self-neglect", "information-sharing", "professional-curiosity"]
AUDIENCES = ["children", "adults", "families", "practitioners"]


def sentence(rng, n=14):
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def paragraph(rng, sentences=4):
    return " ".join(sentence(rng) for _ in range(sentences))


def kind_of(i):
    return ("briefing", "newsletter", "chapter")[i % 3]


def page(rng, i):
    kind = kind_of(i)
    topics = rng.sample(TOPICS, 2)
    audience = rng.sample(AUDIENCES, 2)
    day = 1 + i % 28
    month = 1 + (i // 28) % 12
    date = f"2025-{month:02d}-{day:02d}"
    link = f"[the procedures for {topics[0]}](/topics/{topics[0]}/)"
    if kind == "briefing":
        body = paragraph(rng, 2) + "\n\n" + "\n\n".join(
            f"## {n}. Section {n}\n\n{paragraph(rng)} See {link}." for n in range(1, 8))
        extra = "review_type: sar\n"
    elif kind == "newsletter":
        body = "\n\n".join(f"## Article {a}\n\n{paragraph(rng)}\n\n### Part\n\n- {sentence(rng)}\n- {sentence(rng)}\n\n"
                           f"Read {link}." for a in range(1, 5))
        extra = f"issue: {i}\nseries: Safeguarding Matters\n"
    else:
        body = (f"## Purpose\n\n{paragraph(rng)}\n\n## Steps\n\n1. {sentence(rng)}\n2. {sentence(rng)}\n3. {sentence(rng)}\n\n"
                f"| Concern | Action |\n| --- | --- |\n| {sentence(rng, 4)} | {sentence(rng, 5)} |\n| {sentence(rng, 4)} | {sentence(rng, 5)} |\n\n"
                f"See {link}.")
        extra = f"order: {i}\nowner: Northbrook Partnership\n"
    title = f"{kind.capitalize()} {i}: {sentence(rng, 4)[:-1]}"
    return kind, title, date, topics, audience, extra, body


def table(rng, rows, cols):
    head = "| " + " | ".join(f"{rng.choice(WORDS).capitalize()} {c + 1}" for c in range(cols)) + " |"
    rule = "|" + "|".join(" --- " for _ in range(cols)) + "|"
    body = "\n".join("| " + " | ".join(sentence(rng, rng.randint(2, 7))[:-1] for _ in range(cols)) + " |"
                     for _ in range(rows))
    return f"{head}\n{rule}\n{body}"


def page_long(rng, i):
    """A page of the shape of real partnership content: about 8 KB, three
    pages in four with a GFM table, nested front matter (a briefing's source)."""
    kind = kind_of(i)
    topics = rng.sample(TOPICS, 3)
    audience = rng.sample(AUDIENCES, 2)
    day = 1 + i % 28
    month = 1 + (i // 28) % 12
    date = f"2025-{month:02d}-{day:02d}"
    link = f"[the procedures for {topics[0]}](/topics/{topics[0]}/)"
    with_table = i % 4 != 3
    if kind == "briefing":
        sections = []
        for n in range(1, 8):
            part = f"## {n}. Section {n}\n\n{paragraph(rng, 4)}\n\n{paragraph(rng, 2)} See {link}."
            if n == 4 and with_table:
                part += "\n\n" + table(rng, rng.randint(8, 16), 3)
            if n == 6:
                part += "\n\n" + "\n".join(f"- {sentence(rng)}" for _ in range(6))
            sections.append(part)
        body = paragraph(rng, 3) + "\n\n" + "\n\n".join(sections)
        extra = (f"review_type: sar\nsource:\n  title: \"Safeguarding Adults Review: {sentence(rng, 3)[:-1]}\"\n"
                 f"  url: https://reviews.example/sar-{i}\n  published: {date}\n")
    elif kind == "newsletter":
        articles = []
        for a in range(1, 6):
            part = (f"## Article {a}\n\n{paragraph(rng, 3)}\n\n### Part\n\n{paragraph(rng, 2)}\n\n"
                    + "\n".join(f"- {sentence(rng)}" for _ in range(4)) + f"\n\nRead {link}.")
            if a == 3 and with_table:
                part += "\n\n" + table(rng, rng.randint(6, 12), 4)
            articles.append(part)
        body = "\n\n".join(articles)
        extra = f"issue: {i}\nseries: Safeguarding Matters\n"
    else:
        body = (f"## Purpose\n\n{paragraph(rng, 5)}\n\n## Scope\n\n{paragraph(rng, 4)}\n\n## Background\n\n{paragraph(rng, 6)}\n\n"
                f"## Steps\n\n" + "\n".join(f"{k}. {sentence(rng, 18)}" for k in range(1, 9)) + "\n\n"
                + (f"## Who does what\n\n{table(rng, rng.randint(10, 20), 3)}\n\n" if with_table else "")
                + f"## Recording\n\n{paragraph(rng, 5)}\n\n### Escalation\n\n{paragraph(rng, 4)}\n\nSee {link}.")
        extra = (f"order: {i}\nowner: Northbrook Partnership\nreviewed: {date}\nreview_due: 2029-{month:02d}-{day:02d}\n"
                 f"amendment: \"Updated for the partnership's new arrangements.\"\n")
    title = f"{kind.capitalize()} {i}: {sentence(rng, 4)[:-1]}"
    return kind, title, date, topics, audience, extra, body


# PDF=1 (environment): the pages keep herald's default print PDFs (a full
# default build); else `pdf: false`, as the peers make none.
PDF_LINE = "" if os.environ.get("PDF") == "1" else "pdf: false\n"

SECTIONS = {"briefing": "briefings", "newsletter": "newsletters", "chapter": "procedures/manual"}
SECTION_TITLES = {"briefings": "Briefings", "newsletters": "Newsletters", "procedures": "Procedures"}
TAXONOMIES = {"topics": TOPICS, "audience": AUDIENCES}
FEED_ITEMS = 20
GIT_ENV = dict(GIT_AUTHOR_NAME="Bench", GIT_AUTHOR_EMAIL="bench@bench.example",
               GIT_COMMITTER_NAME="Bench", GIT_COMMITTER_EMAIL="bench@bench.example")


def write(root, rel, text):
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def yaml_list(items):
    return "[" + ", ".join(items) + "]"


# ---- herald -----------------------------------------------------------------

def herald_site(root):
    write(root, ".gitignore", "/.herald-cache/\n")  # as the README asks of every site
    write(root, "herald.yaml", "title: Benchmark Partnership\nbase_url: https://bench.example/\ntimezone: Europe/London\n")
    write(root, "content/procedures/manual/_index.md", "---\ntitle: Manual\norder: 1\n---\n\nThe manual.\n")


def herald_page(root, kind, slug, title, date, topics, audience, extra, body):
    write(root, f"content/{SECTIONS[kind]}/{slug}.md",
          f"---\ntitle: \"{title}\"\ndate: {date}\ntopics: {yaml_list(topics)}\n"
          f"audience: {yaml_list(audience)}\n{PDF_LINE}{extra}---\n\n{body}\n")


def herald_commit(root, message, date, paths=("-A",)):
    """Commits the named paths only (never a cache herald may keep in the repository)."""
    env = dict(os.environ, **GIT_ENV, GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    subprocess.run(["git", "add", *paths], cwd=root, check=True)
    subprocess.run(["git", "commit", "-q", "-m", message], cwd=root, check=True, env=env)


# ---- Hugo -------------------------------------------------------------------

def hugo_site(root):
    write(root, "hugo.toml",
          'baseURL = "https://bench.example/"\ntitle = "Benchmark Partnership"\n'
          f'rssLimit = {FEED_ITEMS}\n'
          'disableKinds = []\n[taxonomies]\n  topic = "topics"\n  audience = "audience"\n'
          '[outputs]\n  home = ["HTML", "RSS"]\n  section = ["HTML", "RSS"]\n  taxonomy = ["HTML", "RSS"]\n  term = ["HTML", "RSS"]\n')
    write(root, "layouts/_default/baseof.html",
          '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>'
          '<body><a href="#main">Skip to main content</a><nav><a href="/">Home</a></nav><main id="main">'
          '{{ block "main" . }}{{ end }}</main></body></html>')
    write(root, "layouts/_default/single.html",
          '{{ define "main" }}<h1>{{ .Title }}</h1><p>{{ .Date.Format "2 January 2006" }}</p>'
          '{{ with .Params.topics }}<ul>{{ range . }}<li><a href="/topics/{{ . | urlize }}/">{{ . }}</a></li>{{ end }}</ul>{{ end }}'
          '{{ .TableOfContents }}{{ .Content }}{{ end }}')
    write(root, "layouts/_default/list.html",
          '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>'
          ' {{ .Date.Format "2 January 2006" }} {{ .Summary }}</li>{{ end }}</ul>{{ end }}')


def hugo_page(root, kind, slug, title, date, topics, audience, body):
    write(root, f"content/{SECTIONS[kind].split('/')[0]}/{slug}.md",
          f"---\ntitle: \"{title}\"\ndate: {date}\ntopics: {yaml_list(topics)}\n"
          f"audience: {yaml_list(audience)}\n---\n\n{body}\n")


# ---- Jekyll (Debian's jekyll, no plugins: the feeds and sitemap are Liquid) --

JEKYLL_BASE = ('<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>{{ page.title }}</title></head>'
               '<body><a href="#main">Skip to main content</a><nav><a href="/">Home</a></nav><main id="main">'
               '{{ content }}</main></body></html>\n')
JEKYLL_LIST_ITEMS = ('<ul>{% for d in items %}<li><a href="{{ d.url }}">{{ d.title }}</a> {{ d.date | date: "%-d %B %Y" }} '
                     '{{ d.content | strip_html | truncatewords: 70 }}</li>{% endfor %}</ul>')
JEKYLL_RSS = ('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>{{ page.title | xml_escape }}</title>'
              '<link>{{ site.url }}{{ page.url }}</link><description>{{ page.title | xml_escape }}</description>'
              '{% for d in include.items limit: ' + str(FEED_ITEMS) + ' %}<item><title>{{ d.title | xml_escape }}</title>'
              '<link>{{ site.url }}{{ d.url }}</link><guid>{{ site.url }}{{ d.url }}</guid>'
              '<pubDate>{{ d.date | date_to_rfc822 }}</pubDate>'
              '<description>{{ d.content | strip_html | truncatewords: 70 | xml_escape }}</description></item>{% endfor %}'
              '</channel></rss>\n')


def jekyll_site(root):
    collections = "".join(f"  {s}:\n    output: true\n    permalink: /{s}/:name/\n" for s in SECTION_TITLES)
    defaults = "".join(f"  - scope: {{ path: \"\", type: {s} }}\n    values: {{ layout: single }}\n" for s in SECTION_TITLES)
    write(root, "_config.yml",
          "title: Benchmark Partnership\nurl: https://bench.example\nmarkdown: kramdown\n"
          f"collections:\n{collections}defaults:\n{defaults}")
    write(root, "_layouts/base.html", JEKYLL_BASE)
    write(root, "_layouts/single.html",
          '---\nlayout: base\n---\n<h1>{{ page.title }}</h1><p>{{ page.date | date: "%-d %B %Y" }}</p>'
          '{% if page.topics %}<ul>{% for t in page.topics %}<li><a href="/topics/{{ t | slugify }}/">{{ t }}</a></li>{% endfor %}</ul>{% endif %}'
          '{{ content }}\n')
    write(root, "_layouts/section.html",
          '---\nlayout: base\n---\n<h1>{{ page.title }}</h1>{% assign items = site[page.section] | sort: "date" | reverse %}'
          + JEKYLL_LIST_ITEMS + '\n')
    write(root, "_layouts/term.html",
          '---\nlayout: base\n---\n<h1>{{ page.title }}</h1>'
          '{% assign items = site.documents | where: page.taxonomy, page.term | sort: "date" | reverse %}'
          + JEKYLL_LIST_ITEMS + '\n')
    write(root, "_includes/rss.xml", JEKYLL_RSS)
    write(root, "index.html", "---\nlayout: base\ntitle: Benchmark Partnership\n---\n<h1>{{ page.title }}</h1><ul>"
          + "".join(f'<li><a href="/{s}/">{t}</a></li>' for s, t in SECTION_TITLES.items()) + "</ul>\n")
    write(root, "index.xml", "---\ntitle: Benchmark Partnership\n---\n"
          '{% assign items = site.documents | sort: "date" | reverse %}{% include rss.xml items=items %}')
    for s, t in SECTION_TITLES.items():
        write(root, f"{s}/index.html", f"---\nlayout: section\ntitle: {t}\nsection: {s}\n---\n")
        write(root, f"{s}/index.xml", f"---\ntitle: {t}\n---\n"
              f'{{% assign items = site.{s} | sort: "date" | reverse %}}{{% include rss.xml items=items %}}')
    for taxonomy, terms in TAXONOMIES.items():
        write(root, f"{taxonomy}/index.html", f"---\nlayout: base\ntitle: {taxonomy.capitalize()}\n---\n<h1>{{{{ page.title }}}}</h1><ul>"
              + "".join(f'<li><a href="/{taxonomy}/{term}/">{term}</a></li>' for term in terms) + "</ul>\n")
        for term in terms:
            write(root, f"{taxonomy}/{term}/index.html",
                  f"---\nlayout: term\ntitle: {term}\ntaxonomy: {taxonomy}\nterm: {term}\n---\n")
            write(root, f"{taxonomy}/{term}/index.xml", f"---\ntitle: {term}\n---\n"
                  f'{{% assign items = site.documents | where: "{taxonomy}", "{term}" | sort: "date" | reverse %}}'
                  '{% include rss.xml items=items %}')
    write(root, "sitemap.xml", '---\n---\n<?xml version="1.0" encoding="utf-8"?>\n'
          '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
          '{% for d in site.documents %}<url><loc>{{ site.url }}{{ d.url }}</loc><lastmod>{{ d.date | date_to_xmlschema }}</lastmod></url>{% endfor %}'
          '{% for p in site.html_pages %}<url><loc>{{ site.url }}{{ p.url }}</loc></url>{% endfor %}</urlset>\n')


def jekyll_page(root, kind, slug, title, date, topics, audience, body):
    # kramdown's table of contents, as Hugo's layout has one.
    write(root, f"_{SECTIONS[kind].split('/')[0]}/{slug}.md",
          f"---\ntitle: \"{title}\"\ndate: {date}\ntopics: {yaml_list(topics)}\n"
          f"audience: {yaml_list(audience)}\n---\n\n* TOC\n{{:toc}}\n\n{body}\n")


# ---- Eleventy (npm @11ty/eleventy from bench/package-lock.json) ----------------

ELEVENTY_CONFIG = r"""// Eleventy's copy of the benchmark site: sections, two taxonomies, feeds, sitemap.
const byDate = (a, b) => b.date - a.date || a.inputPath.localeCompare(b.inputPath);
const TAXONOMIES = ["topics", "audience"];

export default function (eleventyConfig) {
  const slugify = eleventyConfig.getFilter("slugify");
  eleventyConfig.addCollection("entries", (api) => api.getFilteredByGlob("src/{briefings,newsletters,procedures}/*.md").sort(byDate));
  eleventyConfig.addCollection("terms", (api) => {
    const terms = new Map();
    for (const item of api.getFilteredByGlob("src/{briefings,newsletters,procedures}/*.md").sort(byDate)) {
      for (const taxonomy of TAXONOMIES) {
        for (const name of item.data[taxonomy] || []) {
          const key = `${taxonomy}/${name}`;
          if (!terms.has(key)) terms.set(key, { taxonomy, name, slug: slugify(name), pages: [] });
          terms.get(key).pages.push(item);
        }
      }
    }
    return [...terms.values()].sort((a, b) => a.taxonomy.localeCompare(b.taxonomy) || a.name.localeCompare(b.name));
  });
  eleventyConfig.addFilter("summary", (html) => (html || "").replace(/<[^>]*>/g, " ").split(/\s+/).filter(Boolean).slice(0, 70).join(" "));
  eleventyConfig.addFilter("longDate", (d) => d.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }));
  eleventyConfig.addFilter("head", (items, n) => items.slice(0, n));
  eleventyConfig.addFilter("rfc822", (d) => d.toUTCString());
  eleventyConfig.addFilter("isoDate", (d) => d.toISOString());
  return {
    dir: { input: "src", includes: "_includes", data: "_data" },
    markdownTemplateEngine: false,
    htmlTemplateEngine: "njk",
  };
}
"""

ELEVENTY_LIST_ITEMS = ('<ul>{% for d in items %}<li><a href="{{ d.url }}">{{ d.data.title }}</a> {{ d.date | longDate }} '
                       '{{ d.templateContent | summary }}</li>{% endfor %}</ul>')
ELEVENTY_RSS = ('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>{{ title }}</title>'
                '<link>https://bench.example{{ page.url }}</link><description>{{ title }}</description>'
                '{% for d in items | head(' + str(FEED_ITEMS) + ') %}<item><title>{{ d.data.title }}</title>'
                '<link>https://bench.example{{ d.url }}</link><guid>https://bench.example{{ d.url }}</guid>'
                '<pubDate>{{ d.date | rfc822 }}</pubDate><description>{{ d.templateContent | summary }}</description></item>{% endfor %}'
                '</channel></rss>\n')


def eleventy_site(root):
    write(root, "package.json", '{"private": true, "type": "module"}\n')
    write(root, "eleventy.config.js", ELEVENTY_CONFIG)
    write(root, "src/_data/sections.json", json.dumps([{"key": k, "title": t} for k, t in SECTION_TITLES.items()]) + "\n")
    write(root, "src/_data/taxonomies.json", json.dumps(list(TAXONOMIES)) + "\n")
    write(root, "src/_includes/base.njk",
          '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>{{ title }}</title></head>'
          '<body><a href="#main">Skip to main content</a><nav><a href="/">Home</a></nav><main id="main">'
          '{{ content | safe }}</main></body></html>\n')
    write(root, "src/_includes/single.njk",
          '---\nlayout: base.njk\n---\n<h1>{{ title }}</h1><p>{{ page.date | longDate }}</p>'
          '{% if topics %}<ul>{% for t in topics %}<li><a href="/topics/{{ t | slugify }}/">{{ t }}</a></li>{% endfor %}</ul>{% endif %}'
          '{{ content | safe }}\n')
    write(root, "src/_includes/rss.njk", ELEVENTY_RSS)
    for s in SECTION_TITLES:
        write(root, f"src/{s}/{s}.json", json.dumps({"tags": [s], "layout": "single.njk"}) + "\n")
    write(root, "src/index.njk", "---\nlayout: base.njk\ntitle: Benchmark Partnership\n---\n<h1>{{ title }}</h1><ul>"
          "{% for s in sections %}<li><a href=\"/{{ s.key }}/\">{{ s.title }}</a></li>{% endfor %}</ul>\n")
    write(root, "src/index.xml.njk", "---\npermalink: /index.xml\neleventyExcludeFromCollections: true\ntitle: Benchmark Partnership\n---\n"
          "{% set items = collections.entries %}{% include \"rss.njk\" %}")
    write(root, "src/section.njk",
          "---\npagination: { data: sections, size: 1, alias: section }\npermalink: \"/{{ section.key }}/\"\nlayout: base.njk\n"
          "eleventyComputed: { title: \"{{ section.title }}\" }\n---\n"
          "<h1>{{ section.title }}</h1>{% set items = collections[section.key] | reverse %}" + ELEVENTY_LIST_ITEMS + "\n")
    write(root, "src/section.xml.njk",
          "---\npagination: { data: sections, size: 1, alias: section }\npermalink: \"/{{ section.key }}/index.xml\"\n"
          "eleventyExcludeFromCollections: true\neleventyComputed: { title: \"{{ section.title }}\" }\n---\n"
          "{% set items = collections[section.key] | reverse %}{% include \"rss.njk\" %}")
    write(root, "src/taxonomy.njk",
          "---\npagination: { data: taxonomies, size: 1, alias: taxonomy }\npermalink: \"/{{ taxonomy }}/\"\nlayout: base.njk\n"
          "eleventyComputed: { title: \"{{ taxonomy }}\" }\n---\n<h1>{{ taxonomy }}</h1><ul>"
          "{% for t in collections.terms %}{% if t.taxonomy == taxonomy %}<li><a href=\"/{{ t.taxonomy }}/{{ t.slug }}/\">{{ t.name }}</a></li>"
          "{% endif %}{% endfor %}</ul>\n")
    write(root, "src/term.njk",
          "---\npagination: { data: collections.terms, size: 1, alias: term }\npermalink: \"/{{ term.taxonomy }}/{{ term.slug }}/\"\n"
          "layout: base.njk\neleventyComputed: { title: \"{{ term.name }}\" }\n---\n"
          "<h1>{{ term.name }}</h1>{% set items = term.pages %}" + ELEVENTY_LIST_ITEMS + "\n")
    write(root, "src/term.xml.njk",
          "---\npagination: { data: collections.terms, size: 1, alias: term }\npermalink: \"/{{ term.taxonomy }}/{{ term.slug }}/index.xml\"\n"
          "eleventyExcludeFromCollections: true\neleventyComputed: { title: \"{{ term.name }}\" }\n---\n"
          "{% set items = term.pages %}{% include \"rss.njk\" %}")
    write(root, "src/sitemap.xml.njk",
          "---\npermalink: /sitemap.xml\neleventyExcludeFromCollections: true\n---\n"
          '<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
          "{% for p in collections.all %}<url><loc>https://bench.example{{ p.url }}</loc><lastmod>{{ p.date | isoDate }}</lastmod></url>"
          "{% endfor %}{% for t in collections.terms %}<url><loc>https://bench.example/{{ t.taxonomy }}/{{ t.slug }}/</loc></url>{% endfor %}"
          "{% for t in taxonomies %}<url><loc>https://bench.example/{{ t }}/</loc></url>{% endfor %}</urlset>\n")


def eleventy_page(root, kind, slug, title, date, topics, audience, body):
    section = SECTIONS[kind].split("/")[0]
    write(root, f"src/{section}/{slug}.md",
          f"---\ntitle: \"{title}\"\ndate: {date}\ntopics: {yaml_list(topics)}\n"
          f"audience: {yaml_list(audience)}\npermalink: /{section}/{slug}/\n---\n\n{body}\n")


# ---- the corpus ---------------------------------------------------------------

TOOLS = ("herald", "hugo", "jekyll", "eleventy")


def edited_page(n):
    """The page the warm rebuild changes: a briefing in the middle of the corpus."""
    i = 3 * (n // 6)
    return i, f"briefing-{i}"


def edit(out, tool):
    """Changes one sentence of one page (appends a numbered revision note)."""
    n = int(open(os.path.join(out, "size")).read())
    _, slug = edited_page(n)
    rel = {"herald": f"content/briefings/{slug}.md", "hugo": f"content/briefings/{slug}.md",
           "jekyll": f"_briefings/{slug}.md", "eleventy": f"src/briefings/{slug}.md"}[tool]
    root = os.path.join(out, tool)
    path = os.path.join(root, rel)
    text = open(path).read()
    count = text.count("Revision note") + 1
    with open(path, "a") as f:
        f.write(f"\nRevision note {count}: the contact details were checked.\n")
    if tool == "herald":
        herald_commit(root, f"{slug}: revision {count}", f"2026-02-01T10:{count // 60 % 60:02d}:{count % 60:02d}Z", [rel])


def main():
    if sys.argv[1] == "--edit":
        edit(sys.argv[2], sys.argv[3])
        return
    n, out = int(sys.argv[1]), sys.argv[2]
    tools = sys.argv[3:] or list(TOOLS)
    rng = random.Random(42)
    make_page = page_long if os.environ.get("SHAPE") == "long" else page
    roots = {t: os.path.join(out, t) for t in tools}
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "size"), "w") as f:
        f.write(f"{n}\n")
    setup = {"herald": herald_site, "hugo": hugo_site, "jekyll": jekyll_site, "eleventy": eleventy_site}
    for t in tools:
        setup[t](roots[t])
    for i in range(n):
        kind, title, date, topics, audience, extra, body = make_page(rng, i)
        slug = f"{kind}-{i}"
        if "herald" in roots:
            herald_page(roots["herald"], kind, slug, title, date, topics, audience, extra, body)
        if "hugo" in roots:
            hugo_page(roots["hugo"], kind, slug, title, date, topics, audience, body)
        if "jekyll" in roots:
            jekyll_page(roots["jekyll"], kind, slug, title, date, topics, audience, body)
        if "eleventy" in roots:
            eleventy_page(roots["eleventy"], kind, slug, title, date, topics, audience, body)
    if "herald" in roots:
        subprocess.run(["git", "init", "-q", "-b", "main"], cwd=roots["herald"], check=True)
        herald_commit(roots["herald"], "corpus", "2026-01-01T10:00:00Z")
        history(roots["herald"], n, int(os.environ.get("HISTORY", "0")), rng)


def history(root, n, commits, rng):
    """`commits` more commits, each appending a note to one page, a minute apart."""
    for c in range(1, commits + 1):
        i = rng.randrange(n)
        kind = kind_of(i)
        rel = f"content/{SECTIONS[kind]}/{kind}-{i}.md"
        with open(os.path.join(root, rel), "a") as f:
            f.write(f"\nHistory note {c}: reviewed at the partnership's meeting.\n")
        when = datetime.datetime(2026, 1, 1, 11, tzinfo=datetime.timezone.utc) + datetime.timedelta(minutes=c)
        herald_commit(root, f"{kind}-{i}: history {c}", when.strftime("%Y-%m-%dT%H:%M:%SZ"), [rel])


if __name__ == "__main__":
    main()
