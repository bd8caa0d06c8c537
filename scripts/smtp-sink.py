#!/usr/bin/env python3
"""SMTP sink for local development and tests: accepts every message and stores it as a file.

Each message is written to MAIL_DIR/<UTC timestamp>-<counter>.eml: the raw message as received, with one
"X-Envelope-From:" line and one "X-Envelope-To:" line per recipient prepended. A file appears atomically (it is
written under a hidden temporary name, then renamed). Each message is logged on stdout.

Optional: STARTTLS (--tls-cert and --tls-key, PEM files; --require-starttls refuses mail before it) and AUTH
PLAIN/LOGIN with one account (--auth-user and --auth-password; mail then needs AUTH). AUTH is offered only after
STARTTLS when TLS is configured, and also without TLS when it is not; --auth-require-tls / --no-auth-require-tls
overrides that. Stops cleanly on SIGTERM or SIGINT. Needs aiosmtpd: scripts/stack.sh runs it with the venv
that scripts/install-tools.sh makes.

    smtp-sink.py --mail-dir DIR [--host 127.0.0.1] [--port 2525] [TLS and AUTH options]
"""

import argparse
import asyncio
import datetime
import hmac
import itertools
import os
import signal
import ssl
import logging
import sys
import warnings

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class Sink:
    """aiosmtpd handler that stores each message in a folder."""

    def __init__(self, mail_dir):
        self.mail_dir = mail_dir
        self.counter = itertools.count(1)

    async def handle_DATA(self, server, session, envelope):
        now = datetime.datetime.now(datetime.timezone.utc)
        name = f"{now:%Y%m%dT%H%M%S.%fZ}-{next(self.counter):06d}.eml"
        head = [f"X-Envelope-From: {envelope.mail_from}"] + [f"X-Envelope-To: {to}" for to in envelope.rcpt_tos]
        data = "".join(line + "\r\n" for line in head).encode() + envelope.original_content
        path = os.path.join(self.mail_dir, name)
        temporary = os.path.join(self.mail_dir, f".{name}.tmp")
        with open(temporary, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
        print(f"{now:%Y-%m-%dT%H:%M:%S}Z from=<{envelope.mail_from}> to=<{'>,<'.join(envelope.rcpt_tos)}>"
              f" size={len(envelope.original_content)} file={path}", flush=True)
        return "250 Message accepted"


def authenticator(user, password):
    """An aiosmtpd authenticator accepting exactly one user name and password (PLAIN and LOGIN)."""
    def check(server, session, envelope, mechanism, data):
        ok = (isinstance(data, LoginPassword)
              and hmac.compare_digest(data.login, user.encode())
              and hmac.compare_digest(data.password, password.encode()))
        # handled=False: aiosmtpd then answers "535" itself; with the default (True) a refused client hears nothing.
        return AuthResult(success=ok, handled=False, auth_data=data)
    return check


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mail-dir", required=True, help="folder for the .eml files (made when missing)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=2525)
    parser.add_argument("--tls-cert", help="PEM certificate (chain): offers STARTTLS")
    parser.add_argument("--tls-key", help="PEM private key of --tls-cert")
    parser.add_argument("--require-starttls", action="store_true", help="refuse mail before STARTTLS")
    parser.add_argument("--auth-user", help="offers AUTH PLAIN/LOGIN for this user and requires it")
    parser.add_argument("--auth-password")
    parser.add_argument("--auth-require-tls", action=argparse.BooleanOptionalAction, default=None,
                        help="offer AUTH only after STARTTLS (default: when TLS is configured)")
    arguments = parser.parse_args()
    if bool(arguments.tls_cert) != bool(arguments.tls_key):
        parser.error("--tls-cert and --tls-key go together")
    if (arguments.auth_user is None) != (arguments.auth_password is None):
        parser.error("--auth-user and --auth-password go together")
    if arguments.require_starttls and not arguments.tls_cert:
        parser.error("--require-starttls needs --tls-cert and --tls-key")
    return arguments


async def serve(arguments):
    tls_context = None
    if arguments.tls_cert:
        tls_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        tls_context.load_cert_chain(arguments.tls_cert, arguments.tls_key)
    auth = arguments.auth_user is not None
    require_tls = arguments.auth_require_tls if arguments.auth_require_tls is not None else tls_context is not None
    handler = Sink(arguments.mail_dir)

    def smtp():
        return SMTP(handler, hostname="smtp-sink.localhost", enable_SMTPUTF8=True, tls_context=tls_context,
                    require_starttls=arguments.require_starttls, auth_required=auth, auth_require_tls=require_tls,
                    authenticator=authenticator(arguments.auth_user, arguments.auth_password) if auth else None)

    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    server = await loop.create_server(smtp, arguments.host, arguments.port)
    print(f"smtp-sink listening on {arguments.host}:{arguments.port}, mail to {arguments.mail_dir}"
          f" (STARTTLS: {'required' if arguments.require_starttls else 'yes' if tls_context else 'no'},"
          f" AUTH: {('after STARTTLS' if require_tls else 'without TLS') if auth else 'no'})", flush=True)
    await stop.wait()
    server.close()
    try:
        await asyncio.wait_for(server.wait_closed(), 5)
    except asyncio.TimeoutError:
        pass
    print("smtp-sink stopped", flush=True)


def main():
    logging.basicConfig(format="%(asctime)s %(name)s %(levelname)s %(message)s", level=logging.WARNING)
    # aiosmtpd 1.4 warns on every connection about AUTH without TLS (deliberate here, and said at start) and on
    # every AUTH about its own use of the deprecated Session.login_data.
    quiet = ("login_data is deprecated", "auth_require_tls == False")
    logging.getLogger("mail.log").addFilter(lambda record: not any(q in record.getMessage() for q in quiet))
    warnings.filterwarnings("ignore", message="Requiring AUTH while not requiring TLS")
    arguments = parse_arguments()
    os.makedirs(arguments.mail_dir, exist_ok=True)
    asyncio.run(serve(arguments))
    return 0


if __name__ == "__main__":
    sys.exit(main())
