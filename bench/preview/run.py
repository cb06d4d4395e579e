#!/usr/bin/env python3
"""Save-to-reload time of `herald serve`: from the moment a file is saved to
the moment an open browser is told to reload, as the browser sees it.

Copies a site's working tree (default: the example site, this repository)
into a temporary folder on tmpfs, starts `herald serve --port 0` on it, opens
the preview's event stream (/__herald/events, what the page's reload script
listens to), then saves an edit to one page RUNS times. Each time it measures
save -> `event: reload` on the stream, then fetches the page and checks the
edit is in it. Prints the minimum, median and maximum in milliseconds.

Usage: bench/preview/run.py [--herald build/herald] [--site .] [--page PATH] [--runs 20]
"""
import argparse
import faulthandler
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def copy_site(site, into):
    """The site's committed files and working tree, as a git repository."""
    subprocess.run(["git", "clone", "-q", site, into], check=True)
    # Uncommitted changes of the source tree are not wanted: the clone is HEAD.


def wait_for_port(proc):
    """`herald serve` says `... at http://127.0.0.1:PORT/` on its output."""
    deadline = time.monotonic() + 60
    seen = b""
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            if proc.poll() is not None:
                break
            continue
        seen += line
        m = re.search(rb"http://127\.0\.0\.1:(\d+)/", line)
        if m:
            return int(m.group(1))
    sys.exit("herald serve did not start:\n" + seen.decode(errors="replace"))


def read_event(stream, name, deadline):
    """Reads the event stream until an event called `name`; returns its data."""
    event = None
    while time.monotonic() < deadline:
        line = stream.readline()
        if not line:
            raise RuntimeError("the event stream ended")
        line = line.decode().rstrip("\n")
        if line.startswith("event: "):
            event = line[7:]
        elif line.startswith("data: ") and event == name:
            return line[6:]
        elif line == "":
            event = None
    raise RuntimeError(f"no '{name}' event in time")


def main():
    faulthandler.dump_traceback_later(int(os.environ.get("PREVIEW_BENCH_TIMEOUT", "300")), exit=True)
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--herald", default=os.path.join(ROOT, "build", "herald"))
    parser.add_argument("--site", default=ROOT)
    parser.add_argument("--page", default="content/briefings/professional-curiosity-and-neglect.md",
                        help="the file to edit, relative to the site")
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    herald = os.path.abspath(args.herald)
    if not os.access(herald, os.X_OK):
        sys.exit(f"no herald at {herald}: build it first (scripts/install.sh), or pass --herald")

    base = "/dev/shm" if os.path.isdir("/dev/shm") else None
    work = tempfile.mkdtemp(prefix="herald-preview-bench-", dir=base)
    site = os.path.join(work, "site")
    proc = None
    try:
        copy_site(os.path.abspath(args.site), site)
        page_file = os.path.join(site, args.page)
        if not os.path.isfile(page_file):
            sys.exit(f"no {args.page} in the site")
        original = open(page_file, encoding="utf-8").read()
        proc = subprocess.Popen([herald, "serve", "--repo", site, "--port", "0"],
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        port = wait_for_port(proc)
        url = f"http://127.0.0.1:{port}"
        # The page's address: ask the server for the section listing and find
        # the page by its file name (the slug).
        slug = os.path.splitext(os.path.basename(args.page))[0]
        section = args.page.split("/")[1]
        page_url = f"{url}/{section}/{slug}/"
        first = urllib.request.urlopen(page_url, timeout=30).read().decode()
        # The generation the page was built in, as its reload script says.
        m = re.search(r'data-generation="(\d+)"', first)
        generation = m.group(1) if m else "1"

        stream = urllib.request.urlopen(f"{url}/__herald/events?since={generation}", timeout=30)
        read_event(stream, "hello", time.monotonic() + 30)
        times = []
        for run in range(args.runs):
            marker = f"Edited for the preview benchmark, run {run}."
            with open(page_file, "w", encoding="utf-8") as f:
                f.write(original.rstrip("\n") + f"\n\n{marker}\n")
            saved = time.monotonic()
            read_event(stream, "reload", saved + 30)
            times.append((time.monotonic() - saved) * 1000)
            body = urllib.request.urlopen(page_url, timeout=30).read().decode()
            if marker not in body:
                sys.exit(f"run {run}: the reloaded page does not have the edit")
            time.sleep(0.3)  # let the editor-like save settle before the next one
        stream.close()
        print(f"herald serve, save to reload, {args.runs} saves of {args.page}: "
              f"min {min(times):.0f} ms, median {statistics.median(times):.0f} ms, max {max(times):.0f} ms")
    finally:
        if proc and proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
