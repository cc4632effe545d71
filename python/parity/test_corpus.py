"""Runs every case of parity/cases/*.json through the DB-API client against a live server and
writes the normalised transcript. Configuration by environment (set by the Java parity test):
SB_HOST, SB_PORT, SB_DATABASE, SB_USER, SB_PASSWORD, SB_CAFILE, SB_MODE (normal | quirks),
SB_CASES (directory), SB_TRANSCRIPT (output file). Each case is also checked against the corpus's
expectation for the mode."""
import datetime
import decimal
import glob
import json
import os
import re
import unittest
import uuid

import scratchbird
from scratchbird import Geometry, Interval, Json, Jsonb, Range

from . import canon

ENV = os.environ
MODE = ENV.get("SB_MODE", "normal")

# The JDBC driver's classes by SQLSTATE (io.scratchbird.jdbc.SqlExceptions), for the transcript.
_JDBC_EXACT = {
    "01000": "SQLWarning", "02000": "SQLDataException", "08001": "SQLTransientConnectionException",
    "08003": "SQLTransientConnectionException", "08006": "SQLTransientConnectionException",
    "08004": "SQLNonTransientConnectionException", "08P01": "SQLNonTransientConnectionException",
    "0A000": "SQLFeatureNotSupportedException", "28000": "SQLInvalidAuthorizationSpecException",
    "28P01": "SQLInvalidAuthorizationSpecException", "40001": "SQLTransactionRollbackException",
    "40P01": "SQLTransactionRollbackException", "25P02": "SQLTransactionRollbackException",
    "25006": "SQLNonTransientException", "34000": "SQLNonTransientException", "3D000": "SQLNonTransientException",
    "55000": "SQLNonTransientException", "55006": "SQLNonTransientException", "54000": "SQLNonTransientException",
    "58000": "SQLNonTransientException", "XX000": "SQLNonTransientException",
    "42501": "SQLInvalidAuthorizationSpecException", "55P03": "SQLTransientException", "53P00": "SQLTransientException",
    "53100": "SQLTransientException", "53200": "SQLTransientException", "53300": "SQLTransientConnectionException",
    "57014": "SQLTimeoutException", "57P03": "SQLTransientConnectionException", "57P01": "SQLNonTransientConnectionException",
}
_JDBC_CLASS = {
    "01": "SQLWarning", "02": "SQLDataException", "22": "SQLDataException", "08": "SQLTransientConnectionException",
    "0A": "SQLFeatureNotSupportedException", "23": "SQLIntegrityConstraintViolationException",
    "25": "SQLNonTransientException", "34": "SQLNonTransientException", "3D": "SQLNonTransientException",
    "54": "SQLNonTransientException", "55": "SQLNonTransientException", "57": "SQLNonTransientException",
    "58": "SQLNonTransientException", "28": "SQLInvalidAuthorizationSpecException",
    "40": "SQLTransactionRollbackException", "42": "SQLSyntaxErrorException", "53": "SQLTransientException",
}
# errors the JDBC driver raises itself, by SQLSTATE
_JDBC_CLIENT = {"07001": "SQLException", "55000": "SQLException", "08003": "SQLNonTransientConnectionException",
                "22023": "SQLDataException"}


def jdbc_class(sqlstate, from_server):
    if not from_server and sqlstate in _JDBC_CLIENT:
        return _JDBC_CLIENT[sqlstate]
    if sqlstate in _JDBC_EXACT:
        return _JDBC_EXACT[sqlstate]
    return _JDBC_CLASS.get((sqlstate or "")[:2], "SQLException")


def error_outcome(e):
    return {"error": {"sqlstate": e.sqlstate, "dbapi": type(e).__name__, "jdbc": jdbc_class(e.sqlstate, e.from_server)}}


_INTERVAL = re.compile(r"(-?\d+)m(-?\d+)d(-?\d+)us\Z")


def param(p):
    """A neutral parameter {"t": tag, "v": text} as the Python value an application would pass."""
    t, v = p["t"], p.get("v")
    if t == "null":
        return None
    if v is None:
        raise ValueError("parameter %r has no value" % p)
    if t == "bool":
        return {"true": True, "false": False}[v]
    if t == "int":
        return int(v)
    if t == "decimal":
        return decimal.Decimal(v)
    if t == "float":
        return float(v)
    if t == "text":
        return v
    if t == "bytes":
        return bytes.fromhex(v)
    if t == "date":
        return datetime.date.fromisoformat(v)
    if t in ("time", "timetz"):
        return scratchbird.values._parse_time(v, t == "timetz")
    if t in ("timestamp", "timestamptz"):
        return scratchbird.values._parse_timestamp(v, t == "timestamptz")
    if t == "interval":
        m = _INTERVAL.match(v)
        return Interval(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if t == "uuid":
        return uuid.UUID(v)
    if t == "json":
        return Json(v)
    if t == "jsonb":
        return Jsonb(v)
    if t == "geometry":
        return Geometry(v)
    if t == "vector":
        return [float(x) for x in v.strip("[]").split(",")]
    if t in scratchbird.types.RANGE_OIDS:
        r = scratchbird.values._parse_range(v, scratchbird.types.RANGE_OIDS[t])
        r.kind = t
        return r
    raise ValueError("unknown parameter type tag %r" % t)


def params_of(raw):
    if isinstance(raw, dict):
        return {k: param(v) for k, v in raw.items()}
    return [param(p) for p in raw]


class Runner:
    def __init__(self):
        self.login = dict(host=ENV.get("SB_HOST", "localhost"), port=int(ENV.get("SB_PORT", "3092")),
                          database=ENV.get("SB_DATABASE", "default"), user=ENV.get("SB_USER", "sysdba"),
                          password=ENV.get("SB_PASSWORD", "masterkey"), sslrootcert=ENV.get("SB_CAFILE"),
                          sslmode="verify-full")

    def connect(self, **override):
        login = dict(self.login)
        login.update(override)
        return scratchbird.connect(autocommit=True, **login)

    def run(self, case):
        conn = self.connect()
        try:
            drops = case.get("drop", [])
            self._drop(conn, drops)
            try:
                cur = conn.cursor()
                for sql in case.get("setup", []):
                    cur.execute(sql)
                if "steps" in case:
                    return {"steps": [self.step(conn, s) for s in case["steps"]]}
                return self.statement(conn, case)
            finally:
                if not conn.autocommit:
                    conn.rollback()
                    conn.autocommit = True
                self._drop(conn, drops)
        finally:
            conn.close()

    @staticmethod
    def _drop(conn, tables):
        cur = conn.cursor()
        for t in tables:
            cur.execute("drop table if exists " + t)

    def step(self, conn, s):
        op = s.get("op")
        if op is None:
            return self.statement(conn, s)
        try:
            if op == "autocommit":
                conn.autocommit = s["on"]
            elif op == "commit":
                conn.commit()
            elif op == "rollback":
                conn.rollback()
            elif op == "savepoint":
                conn.savepoint(s["name"])
            elif op == "rollback_to":
                conn.rollback_to_savepoint(s["name"])
            elif op == "release":
                conn.release_savepoint(s["name"])
            elif op == "connect":
                self.connect(**s["login"]).close()
            elif op == "closed_statement":
                cur = conn.cursor()
                cur.close()
                cur.execute("select 1")
            else:
                raise ValueError("unknown step op %r" % op)
            return {"ok": True}
        except scratchbird.Error as e:
            return error_outcome(e)

    def statement(self, conn, c):
        cur = conn.cursor()
        try:
            if "many" in c:
                cur.executemany(c["sql"], [params_of(p) for p in c["many"]])
                return {"rowcount": cur.rowcount}
            cur.execute(c["sql"], params_of(c["params"]) if "params" in c else None)
            if cur.description is None:
                return {"rowcount": cur.rowcount}
            oids = [d[1] for d in cur.description]
            rows = [[canon.value(v, oid) for v, oid in zip(row, oids)] for row in cur.fetchall()]
            return {"columns": [[d[0], d[1]] for d in cur.description], "rows": rows}
        except scratchbird.Error as e:
            return error_outcome(e)


def load_cases():
    cases = []
    for path in sorted(glob.glob(os.path.join(ENV.get("SB_CASES", "../parity/cases"), "*.json"))):
        with open(path, encoding="utf-8") as f:
            cases.extend(json.load(f)["cases"])
    return cases


def canonical(v):
    return json.dumps(v, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


class CorpusTest(unittest.TestCase):
    outcomes = {}

    @classmethod
    def tearDownClass(cls):
        out = ENV.get("SB_TRANSCRIPT")
        if out:
            with open(out, "w", encoding="utf-8") as f:
                for case_id, outcome in cls.outcomes.items():
                    f.write(canonical({"id": case_id, "outcome": outcome}) + "\n")


def _make(case):
    def test(self):
        try:
            outcome = RUNNER.run(case)
        except Exception as e:  # a harness failure is recorded, so the transcript shows the case
            outcome = {"harness_failure": "%s: %s" % (type(e).__name__, e)}
        CorpusTest.outcomes[case["id"]] = outcome
        expected = case["expect_quirks"] if MODE == "quirks" and "expect_quirks" in case else case["expect"]
        self.assertEqual(canonical(expected), canonical(outcome), "case %s [%s]" % (case["id"], MODE))
    return test


RUNNER = Runner()
for _i, _case in enumerate(load_cases()):
    setattr(CorpusTest, "test_%03d_%s" % (_i, re.sub(r"\W", "_", _case["id"])), _make(_case))
