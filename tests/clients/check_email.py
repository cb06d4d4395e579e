#!/usr/bin/python3
"""Reads email messages with Python's email package, as a mail program would.

Usage: check_email.py MESSAGE.eml...
Prints, for each message, what a reader would see as JSON: its headers
(decoded), its parts (type, charset, transfer encoding, decoded content) and
every problem found: defects the parser noted, a line over 998 characters, a
line not ending with CRLF, a header that is not ASCII. Exits 1 if there is
any problem.
"""
import email
import email.policy
import json
import sys

out = {}
problems = []
for path in sys.argv[1:]:
    with open(path, "rb") as f:
        raw = f.read()
    head = raw.split(b"\r\n\r\n", 1)[0]
    for number, line in enumerate(raw.split(b"\r\n")[:-1], 1):
        if len(line) > 998:
            problems.append(f"{path}:{number}: a line of {len(line)} characters")
        if b"\n" in line or b"\r" in line:
            problems.append(f"{path}:{number}: a line end that is not CRLF")
    if not raw.endswith(b"\r\n"):
        problems.append(f"{path}: does not end with CRLF")
    try:
        head.decode("ascii")
    except UnicodeDecodeError:
        problems.append(f"{path}: a header that is not ASCII")
    message = email.message_from_bytes(raw, policy=email.policy.default)
    for defect in message.defects:
        problems.append(f"{path}: {defect!r}")
    date = message["Date"]
    summary = {
        "headers": {name: str(value) for name, value in message.items()},
        "from_name": message["From"].addresses[0].display_name,
        "from_address": message["From"].addresses[0].addr_spec,
        "date": date.datetime.isoformat() if date is not None and date.datetime else None,
        "content_type": message.get_content_type(),
        "parts": [],
    }
    for part in message.iter_parts():
        for defect in part.defects:
            problems.append(f"{path}: {part.get_content_type()}: {defect!r}")
        summary["parts"].append({
            "type": part.get_content_type(),
            "charset": part.get_content_charset(),
            "encoding": part["Content-Transfer-Encoding"],
            "content": part.get_content(),
        })
    # The part a mail program shows: the richest it can, HTML.
    body = message.get_body(preferencelist=("html", "plain"))
    summary["shown"] = body.get_content_type() if body is not None else None
    out[path] = summary

print(json.dumps({"messages": out, "problems": problems}, indent=1, ensure_ascii=False))
sys.exit(1 if problems else 0)
