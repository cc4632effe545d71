"""The PEP 249 exception hierarchy and the SQLSTATE → exception-class table
(docs/python-dbapi-contract.md, "Errors")."""
import re


class Warning(Exception):  # noqa: A001 - the name PEP 249 requires
    pass


class Error(Exception):
    """Base of every error. ``sqlstate`` is the (standard) SQLSTATE, ``server_sqlstate`` the one
    the server sent (they differ when a generic 42000 was refined from its diagnostic code),
    ``from_server`` tells server errors from the driver's own."""

    def __init__(self, message, sqlstate=None, detail=None, hint=None, position=None, diagnostic=None,
                 server_sqlstate=None, from_server=False):
        super().__init__(message)
        self.message = message
        self.sqlstate = sqlstate
        self.detail = detail
        self.hint = hint
        self.position = position
        self.diagnostic = diagnostic
        self.server_sqlstate = server_sqlstate or sqlstate
        self.from_server = from_server

    def __str__(self):
        s = "[%s] %s" % (self.sqlstate, self.message) if self.sqlstate else self.message
        if self.detail:
            s += "\nDETAIL: " + self.detail
        if self.hint:
            s += "\nHINT: " + self.hint
        return s


class InterfaceError(Error):
    pass


class DatabaseError(Error):
    pass


class DataError(DatabaseError):
    pass


class OperationalError(DatabaseError):
    pass


class IntegrityError(DatabaseError):
    pass


class InternalError(DatabaseError):
    pass


class ProgrammingError(DatabaseError):
    pass


class NotSupportedError(DatabaseError):
    pass


# SQLSTATE class (two characters) → exception class, for errors the server reports.
_BY_CLASS = {
    "02": DatabaseError, "07": ProgrammingError, "08": OperationalError, "0A": NotSupportedError,
    "20": ProgrammingError, "21": ProgrammingError, "22": DataError, "23": IntegrityError,
    "24": InternalError, "25": InternalError, "26": OperationalError, "27": OperationalError, "28": OperationalError,
    "2B": InternalError, "2D": InternalError, "2F": InternalError, "34": OperationalError,
    "38": InternalError, "39": InternalError, "3B": InternalError, "3D": ProgrammingError, "3F": ProgrammingError,
    "40": OperationalError, "42": ProgrammingError, "44": ProgrammingError,
    "53": OperationalError, "54": OperationalError, "55": OperationalError, "57": OperationalError,
    "58": InternalError, "F0": OperationalError, "HV": OperationalError, "P0": InternalError, "XX": InternalError,
}


def class_for_sqlstate(sqlstate):
    """The exception class of a server error with this SQLSTATE (DatabaseError when unknown)."""
    if not sqlstate or len(sqlstate) < 2:
        return DatabaseError
    return _BY_CLASS.get(sqlstate[:2].upper(), DatabaseError)


# ScratchBird diagnostic codes a generic 42000 carries in DETAIL (or M), and the standard SQLSTATE
# each stands for (SBWP spec 11.2, SQL-DIALECT section 10; the JDBC driver applies the same table).
_CODE = re.compile(r"[A-Z][A-Z0-9_]*(?:\.[A-Z0-9_]+)*\Z")
_EXACT = {
    "CLI.CONSTRAINT_UNIQUE_VIOLATION": "23505", "CLI.CONSTRAINT_PRIMARY_KEY_VIOLATION": "23505",
    "CLI.CONSTRAINT_NOT_NULL_VIOLATION": "23502", "CLI.CONSTRAINT_CHECK_VIOLATION": "23514",
    "CLI.CONSTRAINT_EXCLUSION_VIOLATION": "23P01", "SBSQL_DOMAIN_CHECK_VIOLATION": "23514",
    "SBSQL.NUMERIC.OVERFLOW": "22003", "SBSQL.NUMERIC.DIVISION_BY_ZERO": "22012", "SBSQL.NUMERIC.DOMAIN": "22000",
    "SBSQL.NAME_RESOLUTION.NOT_FOUND_OR_NOT_VISIBLE": "42P01", "SECURITY.AUTHENTICATION.FAILED": "28P01",
    "EXECUTION.QUERY_CANCELLED": "57014", "FEATURE.NOT_IMPLEMENTED_RELEASE_BLOCKING": "0A000",
}
_PREFIXES = (("CLI.CONSTRAINT_FOREIGN_KEY", "23503"), ("SECURITY.AUTHORIZATION", "42501"), ("CLI.CONSTRAINT_", "23000"))
_WORDS = (("DEADLOCK", "40P01"), ("SERIALIZATION", "40001"), ("UPDATE_CONFLICT", "40001"), ("WRITE_CONFLICT", "40001"),
          ("CONCURRENT_UPDATE", "40001"), ("LOCK_NOT_AVAILABLE", "55P03"), ("LOCK_TIMEOUT", "55P03"),
          ("LOCK_CONFLICT", "55P03"))


def diagnostic_code(message, detail):
    for field in (detail, message):
        if field:
            candidate = field.split(";", 1)[0].strip()
            if _CODE.match(candidate):
                return candidate
    return None


def standard_sqlstate(code):
    if code is None:
        return None
    if code in _EXACT:
        return _EXACT[code]
    for prefix, state in _PREFIXES:
        if code.startswith(prefix):
            return state
    words = "_" + code.replace(".", "_") + "_"
    for word, state in _WORDS:
        if "_" + word + "_" in words:
            return state
    return None


def from_server(fields):
    """The exception for a decoded ERROR frame (fields by code letter)."""
    state = fields.get("C") or "42000"
    message = fields.get("M") or "query failed"
    detail, hint = fields.get("D"), fields.get("H")
    code = diagnostic_code(fields.get("M"), detail)
    standard = state
    if state == "42000":
        standard = standard_sqlstate(code) or state
    position = fields.get("P")
    position = int(position) if position and position.isdigit() else None
    cls = class_for_sqlstate(standard)
    return cls(message, standard, detail, hint, position, code, server_sqlstate=state, from_server=True)
