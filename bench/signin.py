#!/usr/bin/env python3
"""Signs a demo account in to a bench server the way a client does and prints its cookies.

usage: signin.py BASE_URL USER_NAME   (the password comes from XINKE_DEMO_PASSWORD, the demo
authenticator secret from XINKE_DEMO_TOTP_SECRET)

Through the public API only: POST /api/v1/session with the same-site headers a browser page
sends. The demo accounts whose role requires MFA come enrolled with the demo authenticator
secret, so their code (RFC 6238) goes with the password; an account that still owes MFA enrols
an authenticator on the spot (POST /api/v1/me/mfa/totp, then the first code computed from the
secret it returns, so the session is a complete one). scripts/bench signs each account in once
per installation, so no code is ever presented twice. Prints the "Cookie:" header value for wrk and curl: "name=value; name=value".
"""

import base64
import hashlib
import hmac
import http.cookiejar
import json
import os
import struct
import sys
import time
import urllib.error
import urllib.request


def totp(secret):
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    step = int(time.time() // 30)
    digest = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    code = (struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000
    return f"{code:06d}"


class Client:
    def __init__(self, base):
        self.base = base.rstrip("/")
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def call(self, method, path, body=None):
        headers = {"Accept": "application/json", "X-Requested-With": "XMLHttpRequest", "Origin": self.base}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        request = urllib.request.Request(self.base + path, data=data, method=method, headers=headers)
        try:
            with self.opener.open(request) as response:
                text = response.read().decode()
        except urllib.error.HTTPError as error:
            sys.exit(f"{method} {path}: {error.code} {error.read().decode()[:500]}")
        return json.loads(text) if text else None

    def cookies(self):
        return "; ".join(f"{c.name}={c.value}" for c in self.jar)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    base, user = sys.argv[1], sys.argv[2]
    password = os.environ.get("XINKE_DEMO_PASSWORD") or sys.exit("XINKE_DEMO_PASSWORD is not set")
    demo_secret = os.environ.get("XINKE_DEMO_TOTP_SECRET")
    client = Client(base)
    session = client.call("POST", "/api/v1/session", {"userName": user, "password": password, "otp": totp(demo_secret) if demo_secret else None})
    if session["mustChangePassword"]:
        sys.exit(f"{user} owes a password change: the demo should not")
    if session["mustEnrollMfa"]:
        secret = client.call("POST", "/api/v1/me/mfa/totp", {})["secret"]
        client.call("POST", "/api/v1/me/mfa/totp/confirm", {"code": totp(secret)})
    print(client.cookies())


if __name__ == "__main__":
    main()
