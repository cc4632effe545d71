"""One SBWP session: socket, direct TLS 1.3, STARTUP and authentication, and requests that are
always read to their READY before the next one is written (errata A.2: never desync)."""
import socket
import ssl

from . import errors, wire
from .scram import ScramClient, ScramError


class Result:
    """One result group: column descriptors (None when the server sent none), raw rows, tag, count."""
    __slots__ = ("columns", "rows", "tag", "rowcount", "last_id")

    def __init__(self):
        self.columns, self.rows, self.tag, self.rowcount, self.last_id = None, [], None, -1, None


class Session:
    def __init__(self, host, port, database, user, password, sslmode="verify-full", sslrootcert=None,
                 connect_timeout=10.0, application_name="scratchbird-python"):
        self.sequence = 0
        self.attachment = wire.ZERO_UUID
        self.parameters = {}
        self.features = 0
        self.closed = False
        self.last_ready = None
        sock = socket.create_connection((host, port), timeout=connect_timeout)
        try:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            if sslmode != "disable":
                sock = self._tls(sock, host, sslmode, sslrootcert)
            sock.settimeout(None)
            self.sock = sock
            self._login(database, user, password, application_name)
        except BaseException:
            sock.close()
            raise

    @staticmethod
    def _tls(sock, host, sslmode, cafile):
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        ctx.minimum_version = ssl.TLSVersion.TLSv1_3
        if sslmode in ("verify-full", "verify-ca"):
            ctx.check_hostname = sslmode == "verify-full"
            if cafile:
                ctx.load_verify_locations(cafile=cafile)
            else:
                ctx.load_default_certs()
        elif sslmode == "require":
            ctx.check_hostname = False
            if cafile:
                ctx.load_verify_locations(cafile=cafile)
            else:
                ctx.verify_mode = ssl.CERT_NONE
        else:
            raise errors.InterfaceError("sslmode must be disable, require, verify-ca or verify-full, not %r" % sslmode,
                                        "08001")
        try:
            return ctx.wrap_socket(sock, server_hostname=host)
        except ssl.SSLError as e:
            raise errors.OperationalError("TLS handshake with %s failed: %s" % (host, e), "08001")

    # -------------------------------------------------------------- frames

    def send(self, msg_type, payload=b""):
        frame = wire.encode_frame(msg_type, payload, self.sequence, self.attachment)
        self.sequence += 1
        self._write(frame)

    def _write(self, data):
        try:
            self.sock.sendall(data)
        except OSError as e:
            self._broken()
            raise errors.OperationalError("connection lost while writing: %s" % e, "08006")

    def _read_exact(self, n):
        buf = bytearray()
        while len(buf) < n:
            try:
                chunk = self.sock.recv(n - len(buf))
            except OSError as e:
                self._broken()
                raise errors.OperationalError("connection lost while reading: %s" % e, "08006")
            if not chunk:
                self._broken()
                raise errors.OperationalError("the server closed the connection", "08006")
            buf += chunk
        return bytes(buf)

    def read(self):
        try:
            h = wire.decode_header(self._read_exact(wire.HEADER_SIZE))
        except wire.WireError as e:
            self._broken()
            raise errors.OperationalError("protocol violation: %s" % e, "08P01")
        return h.msg_type, self._read_exact(h.length)

    def _broken(self):
        self.closed = True
        try:
            self.sock.close()
        except OSError:
            pass

    # -------------------------------------------------------------- login

    def _login(self, database, user, password, application_name):
        keys = [("database", database), ("user", user), ("application_name", application_name)]
        self.send(wire.STARTUP, wire.startup(keys))
        scram = None
        while True:
            t, p = self.read()
            if t == wire.ERROR:
                raise errors.from_server(wire.error(p))
            if t == wire.AUTH_REQUEST:
                method, _ = wire.auth_request(p)
                if method == wire.AUTH_METHOD_PASSWORD:
                    self.send(wire.AUTH_RESPONSE, (password or "").encode("utf-8"))
                elif method in (wire.AUTH_METHOD_SCRAM_SHA_256, wire.AUTH_METHOD_SCRAM_SHA_512):
                    scram = ScramClient(user, password or "",
                                        "sha256" if method == wire.AUTH_METHOD_SCRAM_SHA_256 else "sha512")
                    self.send(wire.AUTH_RESPONSE, scram.client_first().encode("utf-8"))
                elif method != wire.AUTH_METHOD_OK:
                    raise errors.NotSupportedError("the server asks for authentication method %d, which this client "
                                                   "does not implement (PASSWORD, SCRAM-SHA-256/512)" % method, "0A000")
            elif t == wire.AUTH_CONTINUE:
                if scram is None:
                    raise errors.OperationalError("AUTH_CONTINUE without a SCRAM exchange", "08P01")
                _, _, data = wire.auth_continue(p)
                try:
                    self.send(wire.AUTH_RESPONSE, scram.client_final(data.decode("utf-8")).encode("utf-8"))
                except ScramError as e:
                    raise errors.OperationalError("SCRAM exchange failed: %s" % e, "28000")
            elif t == wire.AUTH_OK:
                session_id, info = wire.auth_ok(p)
                if scram is not None:
                    try:
                        scram.verify_server_final(info.decode("utf-8"))
                    except ScramError as e:
                        raise errors.OperationalError("the server failed SCRAM verification: %s" % e, "28000")
                self.attachment = session_id
                break
        while True:
            t, p = self.read()
            if t == wire.PARAMETER_STATUS:
                self.parameters.update(wire.parameter_status(p))
            elif t == wire.ERROR:
                raise errors.from_server(wire.error(p))
            elif t == wire.READY:
                self.last_ready = wire.ready(p)
                self.features = self.last_ready.features
                return

    # -------------------------------------------------------------- requests

    def request(self, frames):
        """Writes the frames in one write and reads every response to READY. Returns the result
        groups; raises the first ERROR only after READY (the session stays in step)."""
        if self.closed:
            raise errors.InterfaceError("connection is closed", "08003")
        data = b"".join(self._frame(t, p) for t, p in frames)
        self._write(data)
        results, current, error = [], None, None
        while True:
            t, p = self.read()
            try:
                if t == wire.READY:
                    self.last_ready = wire.ready(p)
                    break
                if t == wire.ROW_DESCRIPTION:
                    current = Result()
                    current.columns = wire.row_description(p)
                    results.append(current)
                elif t == wire.DATA_ROW:
                    if current is None:
                        current = Result()
                        results.append(current)
                    current.rows.append(wire.data_row(p))
                elif t == wire.COMMAND_COMPLETE:
                    tag, rows, last_id = wire.command_complete(p)
                    if current is None:
                        current = Result()
                        results.append(current)
                    current.tag, current.rowcount, current.last_id = tag, rows, last_id
                    current = None
                elif t == wire.ERROR:
                    if error is None:
                        error = errors.from_server(wire.error(p))
                    current = None
            except wire.WireError as e:
                self._broken()
                raise errors.OperationalError("protocol violation in %s: %s" % (wire.NAMES.get(t, hex(t)), e), "08P01")
        if error is not None:
            raise error
        return results

    def _frame(self, t, p):
        f = wire.encode_frame(t, p, self.sequence, self.attachment)
        self.sequence += 1
        return f

    def terminate(self):
        if not self.closed:
            try:
                self.send(wire.TERMINATE)
            except errors.Error:
                pass
            self._broken()
