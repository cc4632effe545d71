"""PEP 249 Connection and Cursor over a :class:`protocol.Session`."""
import re

from . import errors, paramstyle, values, wire
from .protocol import Session

_SIMPLE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


class Connection:
    # PEP 249 optional extension: the exception classes as attributes
    Warning, Error, InterfaceError, DatabaseError = errors.Warning, errors.Error, errors.InterfaceError, errors.DatabaseError
    DataError, OperationalError, IntegrityError = errors.DataError, errors.OperationalError, errors.IntegrityError
    InternalError, ProgrammingError, NotSupportedError = errors.InternalError, errors.ProgrammingError, errors.NotSupportedError

    def __init__(self, session, autocommit=False):
        self._session = session
        self._autocommit = bool(autocommit)
        self._in_txn = False

    # -------------------------------------------------------------- PEP 249

    def close(self):
        if self._session is not None:
            self._session.terminate()  # the server rolls back an open transaction
            self._session = None

    @property
    def closed(self):
        return self._session is None or self._session.closed

    def commit(self):
        s = self._check()
        if self._in_txn:
            try:
                s.request([(wire.TXN_COMMIT, wire.txn_end()), ])
            finally:
                self._in_txn = False

    def rollback(self):
        s = self._check()
        if self._in_txn:
            try:
                s.request([(wire.TXN_ROLLBACK, wire.txn_end())])
            finally:
                self._in_txn = False

    def cursor(self):
        self._check()
        return Cursor(self)

    # -------------------------------------------------------------- extensions

    @property
    def autocommit(self):
        return self._autocommit

    @autocommit.setter
    def autocommit(self, on):
        self._check()
        on = bool(on)
        if on and not self._autocommit and self._in_txn:
            self.commit()
        self._autocommit = on

    def savepoint(self, name):
        self._savepoint(wire.TXN_SAVEPOINT, "SAVEPOINT", name, begin=True)

    def rollback_to_savepoint(self, name):
        self._savepoint(wire.TXN_ROLLBACK_TO, "ROLLBACK TO SAVEPOINT", name)

    def release_savepoint(self, name):
        self._savepoint(wire.TXN_RELEASE, "RELEASE SAVEPOINT", name)

    def _savepoint(self, frame, sql, name, begin=False):
        s = self._check()
        if self._autocommit:
            raise errors.ProgrammingError("savepoints need a transaction: autocommit is on", "25P01")
        if begin:
            self._begin_if_needed()
        if s.features & wire.FEATURE_SAVEPOINTS and _SIMPLE_NAME.match(name):
            s.request([(frame, wire.savepoint(name))])
        else:
            s.request([(wire.QUERY, wire.query('%s "%s"' % (sql, name.replace('"', '""'))))])

    @property
    def server_parameters(self):
        return dict(self._check().parameters)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if self._session is not None and not self._session.closed:
            if exc_type is None:
                self.commit()
            else:
                self.rollback()

    # -------------------------------------------------------------- internals

    def _check(self):
        if self._session is None or self._session.closed:
            raise errors.InterfaceError("connection is closed", "08003")
        return self._session

    def _begin_if_needed(self):
        if not self._autocommit and not self._in_txn:
            self._session.request([(wire.TXN_BEGIN, wire.txn_begin())])
            self._in_txn = True

    def _run(self, sql, params):
        s = self._check()
        self._begin_if_needed()
        if params is None:
            flags = wire.QUERY_AUTOCOMMIT if self._autocommit else 0
            return s.request([(wire.QUERY, wire.query(sql, flags))])
        text, ordered = paramstyle.convert(sql, params)
        encoded = [values.encode_param(v) for v in ordered]
        frames = [(wire.PARSE, wire.parse(text, [e[0] for e in encoded])),
                  (wire.BIND, wire.bind([e[2] for e in encoded], [e[1] for e in encoded])),
                  (wire.EXECUTE, wire.execute(flags=wire.EXECUTE_AUTOCOMMIT if self._autocommit else 0)),
                  (wire.SYNC, b"")]
        return s.request(frames)


class Cursor:
    def __init__(self, connection):
        self.connection = connection
        self.arraysize = 1
        self._closed = False
        self._reset()

    def _reset(self):
        self.description = None
        self.rowcount = -1
        self.lastrowid = None
        self.statusmessage = None
        self._rows, self._pos, self._pending = [], 0, []

    def close(self):
        self._closed = True
        self._rows = []

    def _check(self):
        if self._closed:
            raise errors.InterfaceError("cursor is closed", "55000")
        self.connection._check()

    def execute(self, operation, parameters=None):
        self._check()
        self._reset()
        if parameters is not None and not isinstance(parameters, (dict, list, tuple)):
            if hasattr(parameters, "keys") and hasattr(parameters, "__getitem__"):
                parameters = dict(parameters)
            else:
                parameters = list(parameters)
        results = self.connection._run(operation, parameters)
        self._pending = results[1:]
        self._load(results[0] if results else None)
        return self

    def executemany(self, operation, seq_of_parameters):
        self._check()
        total, known = 0, True
        for params in seq_of_parameters:
            self.execute(operation, params)
            if self.rowcount < 0:
                known = False
            else:
                total += self.rowcount
        self.rowcount = total if known else -1
        return self

    def _load(self, r):
        if r is None:
            return
        if r.columns is not None:
            self.description = tuple((c.name, c.oid, None, c.length or c.precision or None,
                                      c.precision or None, c.scale if c.oid == values.NUMERIC else None, c.nullable)
                                     for c in r.columns)
            self._rows = [tuple(values.decode_cell(c.oid, c.format, cell) for c, cell in zip(r.columns, row))
                          for row in r.rows]
        elif r.tag is not None and r.tag.split(" ")[0].upper() in ("SELECT", "VALUES", "SHOW", "WITH") or r.rows:
            # a row set the server did not describe (reference server, empty result): no columns
            self.description = ()
            self._rows = [tuple(values.decode_cell(values.TEXT, 1, cell) for cell in row) for row in r.rows]
        if self.description is not None:
            self.rowcount = len(self._rows)
        else:
            self.rowcount = r.rowcount
        self.lastrowid = r.last_id or None
        self.statusmessage = r.tag

    def fetchone(self):
        self._check()
        if self.description is None:
            raise errors.ProgrammingError("the last statement produced no result set", "24000")
        if self._pos >= len(self._rows):
            return None
        row = self._rows[self._pos]
        self._pos += 1
        return row

    def fetchmany(self, size=None):
        size = self.arraysize if size is None else size
        out = []
        for _ in range(size):
            row = self.fetchone()
            if row is None:
                break
            out.append(row)
        return out

    def fetchall(self):
        out = []
        while True:
            row = self.fetchone()
            if row is None:
                return out
            out.append(row)

    def nextset(self):
        self._check()
        if not self._pending:
            return None
        r = self._pending.pop(0)
        pending = self._pending
        self._reset()
        self._pending = pending
        self._load(r)
        return True

    def callproc(self, procname, parameters=()):
        if not re.match(r"[A-Za-z_][A-Za-z0-9_.]*\Z", procname):
            raise errors.ProgrammingError("not a procedure name: %r" % procname, "42601")
        marks = ", ".join("?" for _ in parameters)
        self.execute("call %s(%s)" % (procname, marks), list(parameters) if parameters else None)
        return parameters

    def setinputsizes(self, sizes):
        pass

    def setoutputsize(self, size, column=None):
        pass

    def __iter__(self):
        return self

    def __next__(self):
        row = self.fetchone()
        if row is None:
            raise StopIteration
        return row

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def connect(dsn=None, user=None, password=None, host=None, database=None, port=None, sslmode=None,
            sslrootcert=None, autocommit=False, connect_timeout=10.0, **kwargs):
    """``connect(host=…, port=3092, database=…, user=…, password=…, sslrootcert=…)`` or
    ``connect("scratchbird://user:password@host:port/database?sslmode=verify-full&sslrootcert=…")``."""
    opts = {}
    if dsn:
        opts = _parse_dsn(dsn)
    given = dict(user=user, password=password, host=host, database=database, port=port, sslmode=sslmode,
                 sslrootcert=sslrootcert)
    for k, v in given.items():
        if v is not None:
            opts[k] = v
    unknown = set(kwargs) - {"application_name"}
    if unknown:
        raise errors.InterfaceError("unknown connect() argument(s): %s" % ", ".join(sorted(unknown)))
    try:
        session = Session(opts.get("host", "localhost"), int(opts.get("port", 3092)), opts.get("database", "default"),
                          opts.get("user") or "", opts.get("password"), opts.get("sslmode", "verify-full"),
                          opts.get("sslrootcert"), connect_timeout, kwargs.get("application_name", "scratchbird-python"))
    except OSError as e:
        raise errors.OperationalError("could not connect to %s:%s: %s" % (opts.get("host", "localhost"),
                                                                          opts.get("port", 3092), e), "08001")
    return Connection(session, autocommit=autocommit)


def _parse_dsn(dsn):
    from urllib.parse import parse_qsl, unquote, urlsplit
    u = urlsplit(dsn)
    if u.scheme not in ("scratchbird", "sbwp"):
        raise errors.InterfaceError("DSN must start with scratchbird://, got %r" % dsn.split(":", 1)[0])
    opts = {}
    if u.hostname:
        opts["host"] = u.hostname
    if u.port:
        opts["port"] = u.port
    if u.username:
        opts["user"] = unquote(u.username)
    if u.password:
        opts["password"] = unquote(u.password)
    if u.path.strip("/"):
        opts["database"] = unquote(u.path.strip("/"))
    for k, v in parse_qsl(u.query):
        if k not in ("sslmode", "sslrootcert", "user", "password", "database"):
            raise errors.InterfaceError("unknown DSN option %r" % k)
        opts[k] = v
    return opts
