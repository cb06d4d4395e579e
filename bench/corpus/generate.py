#!/usr/bin/env python3
"""Writes a corpus of N partnership pages as a herald site (a git repository)
and, from the same text, as a Hugo site, for side-by-side build timings.

Usage: generate.py N OUT_DIR   ->  OUT_DIR/herald (committed) and OUT_DIR/hugo
Pages are briefings with seven sections, newsletters with several articles and
procedure chapters with tables and lists; every page has topics, audience and
links. PDFs are switched off (pdf: false): the peers make none.
"""
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


def page(rng, i):
    kind = ("briefing", "newsletter", "chapter")[i % 3]
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


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(42)
    herald, hugo = os.path.join(out, "herald"), os.path.join(out, "hugo")
    for d in (herald, hugo):
        os.makedirs(d, exist_ok=True)
    with open(os.path.join(herald, "herald.yaml"), "w") as f:
        f.write("title: Benchmark Partnership\nbase_url: https://bench.example/\ntimezone: Europe/London\n")
    os.makedirs(os.path.join(herald, "content/procedures/manual"), exist_ok=True)
    with open(os.path.join(herald, "content/procedures/manual/_index.md"), "w") as f:
        f.write("---\ntitle: Manual\norder: 1\n---\n\nThe manual.\n")
    with open(os.path.join(hugo, "hugo.toml"), "w") as f:
        f.write('baseURL = "https://bench.example/"\ntitle = "Benchmark Partnership"\n'
                'disableKinds = []\n[taxonomies]\n  topic = "topics"\n  audience = "audience"\n'
                '[outputs]\n  home = ["HTML", "RSS"]\n  section = ["HTML", "RSS"]\n  taxonomy = ["HTML", "RSS"]\n  term = ["HTML", "RSS"]\n')
    layouts = os.path.join(hugo, "layouts/_default")
    os.makedirs(layouts, exist_ok=True)
    base = ('<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>'
            '<body><a href="#main">Skip to main content</a><nav><a href="/">Home</a></nav><main id="main">'
            '{{ block "main" . }}{{ end }}</main></body></html>')
    with open(os.path.join(layouts, "baseof.html"), "w") as f:
        f.write(base)
    with open(os.path.join(layouts, "single.html"), "w") as f:
        f.write('{{ define "main" }}<h1>{{ .Title }}</h1><p>{{ .Date.Format "2 January 2006" }}</p>'
                '{{ with .Params.topics }}<ul>{{ range . }}<li><a href="/topics/{{ . | urlize }}/">{{ . }}</a></li>{{ end }}</ul>{{ end }}'
                '{{ .TableOfContents }}{{ .Content }}{{ end }}')
    with open(os.path.join(layouts, "list.html"), "w") as f:
        f.write('{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>'
                ' {{ .Date.Format "2 January 2006" }} {{ .Summary }}</li>{{ end }}</ul>{{ end }}')
    sections = {"briefing": "briefings", "newsletter": "newsletters", "chapter": "procedures/manual"}
    for i in range(n):
        kind, title, date, topics, audience, extra, body = page(rng, i)
        slug = f"{kind}-{i}"
        fm = (f"---\ntitle: \"{title}\"\ndate: {date}\ntopics: [{', '.join(topics)}]\n"
              f"audience: [{', '.join(audience)}]\npdf: false\n{extra}---\n\n{body}\n")
        path = os.path.join(herald, "content", sections[kind], slug + ".md")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(fm)
        hugo_fm = (f"---\ntitle: \"{title}\"\ndate: {date}\ntopics: [{', '.join(topics)}]\n"
                   f"audience: [{', '.join(audience)}]\n---\n\n{body}\n")
        path = os.path.join(hugo, "content", sections[kind].split("/")[0], slug + ".md")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(hugo_fm)
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=herald, check=True)
    subprocess.run(["git", "add", "-A"], cwd=herald, check=True)
    env = dict(os.environ, GIT_AUTHOR_NAME="Bench", GIT_AUTHOR_EMAIL="bench@bench.example",
               GIT_COMMITTER_NAME="Bench", GIT_COMMITTER_EMAIL="bench@bench.example",
               GIT_AUTHOR_DATE="2026-01-01T10:00:00Z", GIT_COMMITTER_DATE="2026-01-01T10:00:00Z")
    subprocess.run(["git", "commit", "-q", "-m", "corpus"], cwd=herald, check=True, env=env)


if __name__ == "__main__":
    main()
