#!/usr/bin/python3
"""Reads every feed and calendar of a built site with real clients.

Usage: check_feeds.py PUBLIC_DIR BASE_URL
Prints one line per problem and exits 1 if there are any; prints a summary of
what it read otherwise. Uses Debian's python3-feedparser and python3-icalendar.
"""
import json
import os
import sys

import feedparser
import icalendar

public, base_url = sys.argv[1], sys.argv[2]
problems = []
summary = {}

for folder, _dirs, files in os.walk(public):
    rel = os.path.relpath(folder, public)
    rel = "" if rel == "." else rel + "/"
    for name in files:
        path = os.path.join(folder, name)
        if name in ("feed.xml", "atom.xml"):
            parsed = feedparser.parse(path)
            if parsed.bozo:
                problems.append(f"{rel}{name}: not well formed: {parsed.bozo_exception}")
                continue
            expected = "rss20" if name == "feed.xml" else "atom10"
            if parsed.version != expected:
                problems.append(f"{rel}{name}: version {parsed.version!r}, expected {expected}")
            for entry in parsed.entries:
                if not entry.get("title") or not entry.get("link") or not entry.get("id"):
                    problems.append(f"{rel}{name}: an entry lacks a title, link or id")
                if not entry.get("link", "").startswith(base_url):
                    problems.append(f"{rel}{name}: link {entry.get('link')!r} is not absolute on the site")
                if not entry.get("published_parsed"):
                    problems.append(f"{rel}{name}: entry {entry.get('title')!r} has no readable date")
            summary[rel + name] = [(e.title, e.link, e.get("published", "")) for e in parsed.entries]
        elif name == "feed.json":
            with open(path, encoding="utf-8") as f:
                feed = json.load(f)
            for key in ("version", "title", "items"):
                if key not in feed:
                    problems.append(f"{rel}{name}: missing {key}")
            if feed.get("version") != "https://jsonfeed.org/version/1.1":
                problems.append(f"{rel}{name}: version {feed.get('version')!r}")
            for item in feed.get("items", []):
                if "id" not in item or not ("content_html" in item or "content_text" in item):
                    problems.append(f"{rel}{name}: an item lacks id or content")
            summary[rel + name] = [(i.get("title"), i.get("url"), i.get("date_published")) for i in feed.get("items", [])]
        elif name.endswith(".ics"):
            with open(path, "rb") as f:
                cal = icalendar.Calendar.from_ical(f.read())
            events = []
            for component in cal.walk("VEVENT"):
                start = component.decoded("DTSTART")
                events.append((str(component.get("SUMMARY")), start.isoformat(), str(component.get("UID"))))
            summary[rel + name] = events

json.dump({"problems": problems, "feeds": summary}, sys.stdout, indent=1, default=str)
sys.exit(1 if problems else 0)
