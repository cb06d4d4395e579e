#!/usr/bin/env python3
"""Renders HTML files to PDF with WeasyPrint, in one process per core: the comparison for herald's PDFs.

Usage: weasy_batch.py --jobs N OUTDIR FILE.html...
"""
import argparse
import logging
import multiprocessing
import os
import sys


def render(job):
    from weasyprint import HTML  # imported per worker: each process pays its own start-up once
    source, target = job
    HTML(filename=source).write_pdf(target)
    return target


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jobs", type=int, default=os.cpu_count())
    ap.add_argument("outdir")
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    os.makedirs(args.outdir, exist_ok=True)
    jobs = [(f, os.path.join(args.outdir, f"{i}.pdf")) for i, f in enumerate(args.files)]
    with multiprocessing.Pool(args.jobs) as pool:
        done = pool.map(render, jobs, chunksize=max(1, len(jobs) // (4 * args.jobs)))
    print(f"{len(done)} PDFs", file=sys.stderr)


if __name__ == "__main__":
    main()
