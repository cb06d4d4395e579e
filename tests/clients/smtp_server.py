#!/usr/bin/python3
"""A local SMTP server for the tests of `herald email`: Debian's python3-aiosmtpd.

Usage: smtp_server.py FOLDER [--login USER:PASSWORD] [--refuse ADDRESS]

Listens on 127.0.0.1 on a free port, which it writes to FOLDER/port once it
answers. Each message it receives is saved as FOLDER/message-N.eml (the bytes
as received), with FOLDER/envelope-N.txt holding the envelope's sender and
recipients. With --login, the server offers AUTH (without TLS, on this
computer only) and takes only that user and password; with --refuse, it
refuses that recipient with "550 5.1.1 <ADDRESS>: no such mailbox here".
It stops after 120 seconds, or when killed.
"""
import argparse
import os
import socket
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

parser = argparse.ArgumentParser()
parser.add_argument("folder")
parser.add_argument("--login")
parser.add_argument("--refuse")
args = parser.parse_args()


class Saver:
    count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if args.refuse and address == args.refuse:
            return f"550 5.1.1 <{address}>: no such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        Saver.count += 1
        with open(os.path.join(args.folder, f"message-{Saver.count}.eml"), "wb") as f:
            f.write(envelope.original_content)
        with open(os.path.join(args.folder, f"envelope-{Saver.count}.txt"), "w") as f:
            f.write(f"from {envelope.mail_from}\n")
            for to in envelope.rcpt_tos:
                f.write(f"to {to}\n")
            f.write(f"login {'yes' if session.authenticated else 'no'}\n")
        return "250 2.0.0 Saved as message " + str(Saver.count)


def authenticate(server, session, envelope, mechanism, auth_data):
    user, password = args.login.split(":", 1)
    ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user and auth_data.password.decode() == password
    return AuthResult(success=ok, handled=False)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


port = free_port()
options = {}
if args.login:
    options = {"authenticator": authenticate, "auth_require_tls": False}
controller = Controller(Saver(), hostname="127.0.0.1", port=port, **options)
controller.start()
with open(os.path.join(args.folder, "port.tmp"), "w") as f:
    f.write(str(port))
os.rename(os.path.join(args.folder, "port.tmp"), os.path.join(args.folder, "port"))
try:
    time.sleep(120)
finally:
    controller.stop()
