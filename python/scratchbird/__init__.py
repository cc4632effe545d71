"""ScratchBird DB-API 2.0 (PEP 249) client for SBWP v1.1, standard library only (Python >= 3.8).

See docs/python-dbapi-contract.md for the contract this module implements.
"""
import datetime
import time as _time

from .connection import Connection, Cursor, connect
from .errors import (DatabaseError, DataError, Error, IntegrityError, InterfaceError, InternalError,
                     NotSupportedError, OperationalError, ProgrammingError, Warning)
from .types import Geometry, Interval, Json, Jsonb, Range

apilevel = "2.0"
threadsafety = 1  # threads may share the module, not connections (a connection is one serial session)
paramstyle = "named"  # also accepted: qmark (?), format (%s), pyformat (%(name)s), native $n


class _TypeObject(frozenset):
    """A PEP 249 type object: compares equal to every type_code (OID) it stands for."""

    def __eq__(self, other):
        return other in self if isinstance(other, int) else frozenset.__eq__(self, other)

    def __ne__(self, other):
        return not self.__eq__(other)

    __hash__ = frozenset.__hash__


STRING = _TypeObject({18, 25, 142, 1042, 1043, 114, 3802})
BINARY = _TypeObject({17})
NUMBER = _TypeObject({20, 21, 23, 700, 701, 1700})
DATETIME = _TypeObject({1082, 1083, 1114, 1184, 1186, 1266})
ROWID = _TypeObject({2950})

Date = datetime.date
Time = datetime.time
Timestamp = datetime.datetime


def DateFromTicks(ticks):
    return Date(*_time.localtime(ticks)[:3])


def TimeFromTicks(ticks):
    return Time(*_time.localtime(ticks)[3:6])


def TimestampFromTicks(ticks):
    return Timestamp(*_time.localtime(ticks)[:6])


Binary = bytes

__all__ = ["apilevel", "threadsafety", "paramstyle", "connect", "Connection", "Cursor",
           "Warning", "Error", "InterfaceError", "DatabaseError", "DataError", "OperationalError", "IntegrityError",
           "InternalError", "ProgrammingError", "NotSupportedError",
           "STRING", "BINARY", "NUMBER", "DATETIME", "ROWID", "Date", "Time", "Timestamp",
           "DateFromTicks", "TimeFromTicks", "TimestampFromTicks", "Binary",
           "Json", "Jsonb", "Range", "Geometry", "Interval"]
