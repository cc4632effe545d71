"""SCRAM-SHA-256 / SCRAM-SHA-512 client (RFC 5802, RFC 7677) with hashlib and hmac; no channel
binding (GS2 header ``n,,``). The server's signature is verified (spec H-18)."""
import base64
import hashlib
import hmac
import os
import unicodedata


class ScramError(Exception):
    pass


def _saslprep(s):
    # RFC 4013 in its common subset: map non-ASCII spaces to SPACE, drop commonly-mapped-to-nothing
    # characters, NFKC. Prohibited-output checks are left to the server.
    s = "".join(" " if unicodedata.category(c) == "Zs" else c for c in s if c not in "\u00ad\u200b\u2060\ufeff\u034f")
    return unicodedata.normalize("NFKC", s)


class ScramClient:
    def __init__(self, user, password, hash_name="sha256", nonce=None):
        if hash_name not in ("sha256", "sha512"):
            raise ValueError("SCRAM hash must be sha256 or sha512")
        self.hash_name = hash_name
        self.user = user.replace("=", "=3D").replace(",", "=2C")
        self.password = _saslprep(password).encode("utf-8")
        self.nonce = nonce or base64.b64encode(os.urandom(24)).decode("ascii")
        self.first_bare = "n=%s,r=%s" % (self.user, self.nonce)
        self.server_signature = None

    def client_first(self):
        return "n,," + self.first_bare

    def client_final(self, server_first):
        attrs = _attributes(server_first)
        nonce, salt, iterations = attrs.get("r"), attrs.get("s"), attrs.get("i")
        if "e" in attrs:
            raise ScramError("server error: " + attrs["e"])
        if not nonce or not salt or not iterations:
            raise ScramError("server-first message lacks r, s or i: %r" % server_first)
        if not nonce.startswith(self.nonce) or len(nonce) <= len(self.nonce):
            raise ScramError("server nonce does not extend the client nonce")
        try:
            iterations = int(iterations)
            salt = base64.b64decode(salt, validate=True)
        except ValueError as e:
            raise ScramError("bad salt or iteration count: %s" % e)
        if iterations < 1:
            raise ScramError("iteration count must be positive")
        salted = hashlib.pbkdf2_hmac(self.hash_name, self.password, salt, iterations)
        client_key = hmac.new(salted, b"Client Key", self.hash_name).digest()
        stored_key = hashlib.new(self.hash_name, client_key).digest()
        without_proof = "c=biws,r=" + nonce
        auth_message = ("%s,%s,%s" % (self.first_bare, server_first, without_proof)).encode("utf-8")
        client_signature = hmac.new(stored_key, auth_message, self.hash_name).digest()
        proof = bytes(a ^ b for a, b in zip(client_key, client_signature))
        server_key = hmac.new(salted, b"Server Key", self.hash_name).digest()
        self.server_signature = hmac.new(server_key, auth_message, self.hash_name).digest()
        return without_proof + ",p=" + base64.b64encode(proof).decode("ascii")

    def verify_server_final(self, server_final):
        attrs = _attributes(server_final)
        if "e" in attrs:
            raise ScramError("server error: " + attrs["e"])
        if self.server_signature is None:
            raise ScramError("server-final before client-final")
        try:
            sig = base64.b64decode(attrs.get("v", ""), validate=True)
        except ValueError:
            raise ScramError("server signature is not base64")
        if not hmac.compare_digest(sig, self.server_signature):
            raise ScramError("the server's signature does not match: it does not know the password")


def _attributes(message):
    out = {}
    for part in message.split(","):
        if len(part) >= 2 and part[1] == "=":
            out.setdefault(part[0], part[2:])
    return out
