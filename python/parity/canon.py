"""The normalised transcript form of values (parity/README.md); mirrors the Java side's Canon."""
import datetime
import decimal
import uuid

from scratchbird import Geometry, Interval, Json, Jsonb, Range
from scratchbird import values as V


def float_text(x):
    if x != x:
        return "NaN"
    if x in (float("inf"), float("-inf")):
        return "Infinity" if x > 0 else "-Infinity"
    if x == 0:
        return "0"
    return format(decimal.Decimal(repr(x)).normalize(), "f")


def _time(t):
    s = "%02d:%02d:%02d" % (t.hour, t.minute, t.second)
    return s + (".%06d" % t.microsecond if t.microsecond else "")


def _offset(td):
    secs = int(td.total_seconds())
    a = abs(secs)
    s = "%s%02d:%02d" % ("-" if secs < 0 else "+", a // 3600, a % 3600 // 60)
    return s + (":%02d" % (a % 60) if a % 60 else "")


def text(v, oid=0):
    """The text part (also for range bounds)."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, decimal.Decimal):
        return format(v, "f")
    if isinstance(v, float):
        return float_text(v)
    if isinstance(v, datetime.datetime):
        if v.tzinfo is not None:
            u = v.astimezone(datetime.timezone.utc)
            return "%04d-%02d-%02dT%sZ" % (u.year, u.month, u.day, _time(u))
        return "%04d-%02d-%02dT%s" % (v.year, v.month, v.day, _time(v))
    if isinstance(v, datetime.date):
        return "%04d-%02d-%02d" % (v.year, v.month, v.day)
    if isinstance(v, datetime.time):
        return _time(v) + (_offset(v.utcoffset()) if v.tzinfo is not None else "")
    if isinstance(v, Interval):
        return "%dm%dd%dus" % (v.months, v.days, v.micros)
    if isinstance(v, uuid.UUID):
        return str(v)
    if isinstance(v, (Json, Jsonb)):
        return v.text
    if isinstance(v, Geometry):
        return v.ewkt
    if isinstance(v, Range):
        if v.empty:
            return "empty"
        return "%s%s,%s%s" % (v.bounds[0], "" if v.lower is None else text(v.lower), "" if v.upper is None else text(v.upper),
                              v.bounds[1])
    if isinstance(v, (bytes, bytearray)):
        return bytes(v).hex()
    if isinstance(v, str):
        return v
    raise TypeError("no canonical text for %r" % type(v))


def value(v, oid):
    if v is None:
        return None
    if oid in V.RANGE_ELEMENT or isinstance(v, Range):
        return "range:" + text(v)
    if oid == V.VECTOR:
        return "vector:[" + ",".join(float_text(x) for x in v) + "]"
    if isinstance(v, list):
        elem = V.ARRAY_ELEMENT.get(oid, 0)
        return [value(x, elem) for x in v]
    if isinstance(v, bool):
        tag = "bool"
    elif isinstance(v, int):
        tag = "int"
    elif isinstance(v, decimal.Decimal):
        tag = "decimal"
    elif isinstance(v, float):
        tag = "float"
    elif isinstance(v, datetime.datetime):
        tag = "timestamptz" if v.tzinfo is not None else "timestamp"
    elif isinstance(v, datetime.date):
        tag = "date"
    elif isinstance(v, datetime.time):
        tag = "timetz" if v.tzinfo is not None else "time"
    elif isinstance(v, Interval):
        tag = "interval"
    elif isinstance(v, uuid.UUID):
        tag = "uuid"
    elif isinstance(v, Jsonb):
        tag = "jsonb"
    elif isinstance(v, Json):
        tag = "json"
    elif isinstance(v, Geometry):
        tag = "geometry"
    elif isinstance(v, (bytes, bytearray)):
        tag = "bytes"
    elif isinstance(v, str):
        tag = "text"
    else:
        raise TypeError("no canonical tag for %r" % type(v))
    return tag + ":" + text(v, oid)
