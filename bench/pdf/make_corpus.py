#!/usr/bin/env python3
"""Writes a synthetic site repository for the PDF benchmark: N briefings, newsletters and chapters.

Usage: make_corpus.py DIR --briefings N --newsletters N --chapters N [--no-pdf]

The text is pseudo-English from a fixed seed, so every run writes the same
site. With --no-pdf every page says `pdf: false`: building both versions and
subtracting gives the time herald spends on PDFs alone.
"""
import argparse
import os
import random
import struct
import subprocess
import zlib

WORDS = (
    "the family was seen by health visitors and school staff who shared concerns about neglect "
    "practitioners should ask what has changed at home since the last visit and record what they "
    "saw as well as what they were told agencies held different parts of the picture a referral "
    "to the front door is the right step when a child may be at risk of significant harm the "
    "review found that advice was given once and not revisited when circumstances changed"
).split()

BRIEFING_TITLES = ["Purpose", "Background", "Key findings", "What this means for practice",
                   "Questions to consider", "Resources", "Further information"]


def sentence(rng, n):
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def paragraph(rng, words):
    out = []
    while words > 0:
        n = min(words, rng.randint(8, 20))
        out.append(sentence(rng, n))
        words -= n
    return " ".join(out)


def png(width, height, seed):
    """A small RGB PNG with a few coloured bands (no imaging library needed)."""
    rng = random.Random(seed)
    colours = [(rng.randint(0, 255), rng.randint(0, 255), rng.randint(0, 255)) for _ in range(4)]
    rows = b""
    for y in range(height):
        r, g, b = colours[(y * 4) // height]
        rows += b"\x00" + bytes((r, g, b)) * width
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def write(root, path, text):
    full = os.path.join(root, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    mode = "wb" if isinstance(text, bytes) else "w"
    with open(full, mode) as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--briefings", type=int, default=100)
    ap.add_argument("--newsletters", type=int, default=50)
    ap.add_argument("--chapters", type=int, default=50)
    ap.add_argument("--no-pdf", action="store_true")
    args = ap.parse_args()
    rng = random.Random(2024)
    root = args.dir
    pdf = "pdf: false\n" if args.no_pdf else ""
    write(root, "herald.yaml",
          "title: Benchmark Safeguarding Partnership\nbase_url: https://bench.example/\n"
          "language: en-GB\ntimezone: Europe/London\nbrand_colour: \"#1d5b79\"\n")
    write(root, "data/contacts.yaml",
          "- id: front-door\n  name: Children's Front Door\n  phones:\n    - number: \"0116 496 0000\"\n")
    for i in range(args.briefings):
        body = "This briefing shares the learning from one review. " + sentence(rng, 12) + "\n\n"
        for n, title in enumerate(BRIEFING_TITLES, 1):
            body += f"## {n}. {title}\n\n{paragraph(rng, rng.randint(40, 70))}\n\n"
            if n == 4:
                body += "".join(f"- {sentence(rng, rng.randint(5, 10))}\n" for _ in range(3)) + "\n"
        body += "Call {{phone front-door}} for advice.\n"
        write(root, f"content/briefings/briefing-{i}.md",
              f"---\ntitle: Learning from review {i}\ndate: 2024-03-{1 + i % 28:02d}\nreview_type: lcspr\n"
              f"audience: [practitioners]\n{pdf}---\n\n{body}")
    for i in range(args.newsletters):
        body = ""
        for a in range(5):
            body += f"## Article {a + 1}: {sentence(rng, 5)[:-1]}\n\n{paragraph(rng, 120)}\n\n"
            if a == 0:
                body += "![Families at the spring event](photo.png)\n\n"
            body += f"### What it means\n\n{paragraph(rng, 100)}\n\n"
            if a == 2:
                body += "| Course | Date | Places |\n|---|---|---|\n"
                body += "".join(f"| {sentence(rng, 3)} | 1{d} May | {d * 3} |\n" for d in range(4)) + "\n"
        write(root, f"content/newsletters/issue-{i}/index.md",
              f"---\ntitle: Issue {i}\ndate: 2024-04-{1 + i % 28:02d}\nissue: {i}\nseries: Safeguarding Matters\n"
              f"{pdf}---\n\n{body}")
        write(root, f"content/newsletters/issue-{i}/photo.png", png(480, 270, i))
    write(root, "content/procedures/children/_index.md",
          "---\ntitle: Children's procedures\norder: 1\n---\n\nHow agencies work together.\n")
    for i in range(args.chapters):
        body = ""
        for s in range(6):
            body += f"## {sentence(rng, 4)[:-1]}\n\n{paragraph(rng, 150)}\n\n"
            body += "".join(f"1. {sentence(rng, 8)}\n" for _ in range(3)) + "\n"
        write(root, f"content/procedures/children/chapter-{i}.md",
              f"---\ntitle: Chapter {i}\norder: {i}\nowner: Benchmark Safeguarding Partnership\n"
              f"reviewed: 2024-01-01\nreview_due: 2030-01-01\n{pdf}---\n\n{body}")
    env = dict(os.environ, GIT_AUTHOR_DATE="2024-05-01T10:00:00+00:00",
               GIT_COMMITTER_DATE="2024-05-01T10:00:00+00:00", GIT_AUTHOR_NAME="bench",
               GIT_AUTHOR_EMAIL="bench@example", GIT_COMMITTER_NAME="bench",
               GIT_COMMITTER_EMAIL="bench@example")
    subprocess.run(["git", "init", "-q", root], check=True)
    subprocess.run(["git", "-C", root, "add", "-A"], check=True)
    subprocess.run(["git", "-C", root, "commit", "-q", "-m", "corpus"], check=True, env=env)


if __name__ == "__main__":
    main()
