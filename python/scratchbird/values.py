"""Type mapping Python ↔ SBWP values (docs/python-dbapi-contract.md, "Types").

Parameters are encoded for BIND (spec 8.3, 10.1): fixed-width binary for bool, integers, float,
date/time, uuid and interval; ``u32 length + text`` binary for numeric, bytea (raw bytes), JSON,
vectors and arrays; text format with the type's OID for ranges and geometry; strings go untyped
(OID 0, text) so the server reads them as the statement's context requires.

Results are requested in text format and parsed by column OID.
"""
import datetime
import decimal
import enum
import re
import struct
import uuid

from . import errors
from .types import Geometry, Interval, Json, Jsonb, Range, RANGE_OIDS, _JsonDocument
from .wire import ARRAY_ELEMENT, FORMAT_BINARY, FORMAT_TEXT

BOOL, BYTEA, INT8, INT2, INT4, TEXT, JSON, XML, GEOMETRY = 16, 17, 20, 21, 23, 25, 114, 142, 600
FLOAT4, FLOAT8, BPCHAR, VARCHAR, DATE, TIME, TIMESTAMP, TIMESTAMPTZ, INTERVAL, TIMETZ = 700, 701, 1042, 1043, 1082, 1083, 1114, 1184, 1186, 1266
NUMERIC, UUID, JSONB, VECTOR, UNSPECIFIED = 1700, 2950, 3802, 16386, 0
INT4RANGE, NUMRANGE, TSRANGE, TSTZRANGE, DATERANGE, INT8RANGE = 3904, 3906, 3908, 3910, 3912, 3926
RANGE_ELEMENT = {INT4RANGE: INT4, INT8RANGE: INT8, NUMRANGE: NUMERIC, DATERANGE: DATE, TSRANGE: TIMESTAMP, TSTZRANGE: TIMESTAMPTZ}

EPOCH_DATE = datetime.date(2000, 1, 1)
EPOCH = datetime.datetime(2000, 1, 1)
EPOCH_UTC = datetime.datetime(2000, 1, 1, tzinfo=datetime.timezone.utc)
_US = datetime.timedelta(microseconds=1)


def _lp(text):
    b = text.encode("utf-8")
    return struct.pack("<I", len(b)) + b


# ------------------------------------------------------------------ parameters

def encode_param(v):
    """One parameter → (oid, format, bytes or None)."""
    if v is None:
        return UNSPECIFIED, FORMAT_BINARY, None
    if isinstance(v, bool):
        return BOOL, FORMAT_BINARY, b"\x01" if v else b"\x00"
    if isinstance(v, int) and not isinstance(v, enum.Enum):
        if -2 ** 31 <= v < 2 ** 31:
            return INT4, FORMAT_BINARY, struct.pack("<i", v)
        if -2 ** 63 <= v < 2 ** 63:
            return INT8, FORMAT_BINARY, struct.pack("<q", v)
        raise errors.DataError("integer %d does not fit a 64-bit bigint; pass a Decimal for NUMERIC" % v, "22003")
    if isinstance(v, float):
        return FLOAT8, FORMAT_BINARY, struct.pack("<d", v)
    if isinstance(v, decimal.Decimal):
        if not v.is_finite():
            raise errors.DataError("NUMERIC cannot hold %s" % v, "22023")
        return NUMERIC, FORMAT_BINARY, _lp(format(v, "f"))
    if isinstance(v, str):
        return UNSPECIFIED, FORMAT_TEXT, v.encode("utf-8")
    if isinstance(v, (bytes, bytearray, memoryview)):
        b = bytes(v)
        return BYTEA, FORMAT_BINARY, struct.pack("<I", len(b)) + b
    if isinstance(v, datetime.datetime):
        if v.tzinfo is not None and v.utcoffset() is not None:
            return TIMESTAMPTZ, FORMAT_BINARY, struct.pack("<q", (v - EPOCH_UTC) // _US)
        return TIMESTAMP, FORMAT_BINARY, struct.pack("<q", (v - EPOCH) // _US)
    if isinstance(v, datetime.date):
        return DATE, FORMAT_BINARY, struct.pack("<i", (v - EPOCH_DATE).days)
    if isinstance(v, datetime.time):
        micros = ((v.hour * 60 + v.minute) * 60 + v.second) * 1000000 + v.microsecond
        if v.tzinfo is not None and v.utcoffset() is not None:
            west = -int(v.utcoffset().total_seconds())
            return TIMETZ, FORMAT_BINARY, struct.pack("<qi", micros, west)
        return TIME, FORMAT_BINARY, struct.pack("<q", micros)
    if isinstance(v, datetime.timedelta):
        return INTERVAL, FORMAT_BINARY, struct.pack("<iiq", 0, 0, v // _US)
    if isinstance(v, Interval):
        return INTERVAL, FORMAT_BINARY, struct.pack("<iiq", v.months, v.days, v.micros)
    if isinstance(v, uuid.UUID):
        return UUID, FORMAT_BINARY, v.bytes
    if isinstance(v, _JsonDocument):
        return v.oid, FORMAT_BINARY, _lp(v.text)
    if isinstance(v, dict):
        return JSON, FORMAT_BINARY, _lp(Json(v).text)
    if isinstance(v, Geometry):
        return GEOMETRY, FORMAT_TEXT, v.ewkt.encode("utf-8")
    if isinstance(v, Range):
        return _range_oid(v), FORMAT_TEXT, range_text(v).encode("utf-8")
    if isinstance(v, enum.Enum):
        return UNSPECIFIED, FORMAT_TEXT, str(v.name).encode("utf-8")
    if hasattr(v, "tolist") and not isinstance(v, (list, tuple)):
        v = v.tolist()  # NumPy arrays
    if isinstance(v, (list, tuple)):
        if v and all(isinstance(x, float) for x in v):
            return VECTOR, FORMAT_BINARY, _lp(vector_text(v))
        return _array_param(v)
    raise errors.NotSupportedError("cannot bind a parameter of type %s" % type(v).__name__, "0A000")


def vector_text(values):
    parts = []
    for x in values:
        x = float(x)
        if x != x or x in (float("inf"), float("-inf")):
            raise errors.DataError("vector elements must be finite, got %r" % x, "22023")
        parts.append(repr(x))
    return "[" + ",".join(parts) + "]"


def _array_param(items):
    flat = [x for x in items if x is not None]
    if all(isinstance(x, bool) for x in flat) and flat:
        oid, fmt = 1000, lambda x: "t" if x else "f"
    elif all(isinstance(x, int) and not isinstance(x, bool) for x in flat):
        oid = 1016 if any(not -2 ** 31 <= x < 2 ** 31 for x in flat) else 1007
        fmt = str
    elif all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in flat):
        oid, fmt = 1022, lambda x: repr(float(x))
    elif all(isinstance(x, str) for x in flat):
        oid, fmt = 1009, lambda x: '"' + x.replace("\\", "\\\\").replace('"', '\\"') + '"'
    else:
        raise errors.NotSupportedError("arrays of mixed or unsupported element types cannot be bound", "0A000")
    body = "{" + ",".join("NULL" if x is None else fmt(x) for x in items) + "}"
    return oid, FORMAT_BINARY, _lp(body)


def _range_oid(r):
    if r.kind:
        return RANGE_OIDS[r.kind]
    b = r.lower if r.lower is not None else r.upper
    if b is None or isinstance(b, bool):
        return INT4RANGE
    if isinstance(b, int):
        big = any(x is not None and not -2 ** 31 <= x < 2 ** 31 for x in (r.lower, r.upper))
        return INT8RANGE if big else INT4RANGE
    if isinstance(b, (decimal.Decimal, float)):
        return NUMRANGE
    if isinstance(b, datetime.datetime):
        return TSTZRANGE if b.tzinfo is not None else TSRANGE
    if isinstance(b, datetime.date):
        return DATERANGE
    raise errors.NotSupportedError("cannot bind a range of %s" % type(b).__name__, "0A000")


def _bound_text(x):
    if isinstance(x, datetime.datetime):
        s = x.isoformat(sep=" ")
    elif isinstance(x, decimal.Decimal):
        s = format(x, "f")
    else:
        s = str(x)
    return '"' + s + '"' if re.search(r'[\s,()\[\]"\\]', s) or s == "" else s


def range_text(r):
    if r.empty:
        return "empty"
    return "%s%s,%s%s" % (r.bounds[0], "" if r.lower is None else _bound_text(r.lower),
                          "" if r.upper is None else _bound_text(r.upper), r.bounds[1])


# ------------------------------------------------------------------ results (text format)

class DecodeError(Exception):
    pass


_INT_RANGE = {INT2: 16, INT4: 32, INT8: 64}
_TIME = re.compile(r"(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?")
_OFFSET = re.compile(r"([+-])(\d{2})(?::?(\d{2}))?(?::?(\d{2}))?\Z")
_DATE = re.compile(r"(\d{4,})-(\d{2})-(\d{2})\Z")


def _parse_date(s):
    m = _DATE.match(s)
    if not m:
        raise DecodeError("not a date this client can represent: %r" % s)
    return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))


def _parse_time(s, zoned):
    m = _TIME.match(s)
    if not m:
        raise DecodeError("not a time: %r" % s)
    frac = (m.group(4) or "").ljust(6, "0")[:6]
    tz = None
    rest = s[m.end():]
    if zoned:
        tz = _parse_offset(rest, s)
    elif rest:
        raise DecodeError("unexpected text after the time: %r" % s)
    return datetime.time(int(m.group(1)), int(m.group(2)), int(m.group(3)), int(frac or 0), tz)


def _parse_offset(rest, whole):
    if rest in ("Z", "z"):
        return datetime.timezone.utc
    m = _OFFSET.match(rest)
    if not m:
        raise DecodeError("missing or bad time-zone offset in %r" % whole)
    secs = int(m.group(2)) * 3600 + int(m.group(3) or 0) * 60 + int(m.group(4) or 0)
    return datetime.timezone(datetime.timedelta(seconds=-secs if m.group(1) == "-" else secs))


def _parse_timestamp(s, zoned):
    if len(s) < 19 or s[10] not in " T":
        raise DecodeError("not a timestamp this client can represent: %r" % s)
    d = _parse_date(s[:10])
    t = _parse_time(s[11:], zoned)
    v = datetime.datetime.combine(d, t)
    return v.astimezone(datetime.timezone.utc) if zoned else v


_ISO_INTERVAL = re.compile(r"(-)?P(?:(-?\d+)Y)?(?:(-?\d+)M)?(?:(-?\d+)W)?(?:(-?\d+)D)?"
                           r"(?:T(?:(-?\d+)H)?(?:(-?\d+)M)?(?:(-?\d+)(?:\.(\d+))?S)?)?\Z")


def _parse_interval(s):
    m = _ISO_INTERVAL.match(s)
    if not m or s in ("P", "PT"):
        raise DecodeError("not an ISO-8601 interval: %r" % s)
    g = [int(x) if x else 0 for x in m.groups()[1:8]]
    years, months, weeks, days, hours, minutes, seconds = g
    frac = m.group(9) or ""
    sec_text = m.group(8) or "0"
    micros = int(frac.ljust(6, "0")[:6]) if frac else 0
    if sec_text.startswith("-"):
        micros = -micros
    total = ((hours * 60 + minutes) * 60 + seconds) * 1000000 + micros
    sign = -1 if m.group(1) else 1
    return Interval(sign * (years * 12 + months), sign * (weeks * 7 + days), sign * total)


def _split_items(body, what):
    """Splits a range or array body on top-level commas; quoted items lose their quotes."""
    items, cur, quoted, i, depth = [], [], False, 0, 0
    had_quotes = False
    while i < len(body):
        ch = body[i]
        if quoted:
            if ch == "\\" and i + 1 < len(body):
                cur.append(body[i + 1])
                i += 1
            elif ch == '"':
                quoted = False
            else:
                cur.append(ch)
        elif ch == '"':
            quoted = had_quotes = True
        elif ch == "{" and what == "array":
            depth += 1
            cur.append(ch)
        elif ch == "}" and what == "array":
            depth -= 1
            cur.append(ch)
        elif ch == "," and depth == 0:
            items.append(("".join(cur), had_quotes))
            cur, had_quotes = [], False
        else:
            cur.append(ch)
        i += 1
    if quoted:
        raise DecodeError("unterminated quote in %s literal %r" % (what, body))
    items.append(("".join(cur), had_quotes))
    return items


def _parse_range(s, oid):
    if s.strip().lower() == "empty":
        return Range(empty=True, kind=_kind_of(oid))
    if len(s) < 3 or s[0] not in "[(" or s[-1] not in "])":
        raise DecodeError("not a range literal: %r" % s)
    parts = _split_items(s[1:-1], "range")
    if len(parts) != 2:
        raise DecodeError("a range literal needs exactly two bounds: %r" % s)
    elem = RANGE_ELEMENT.get(oid, TEXT)
    lo, hi = [None if (t == "" and not q) else decode_text(elem, t) for t, q in parts]
    return Range(lo, hi, s[0] + s[-1], kind=_kind_of(oid))


def _kind_of(oid):
    for k, v in RANGE_OIDS.items():
        if v == oid:
            return k
    return None


def _parse_array(s, elem):
    s = s.strip()
    if s.startswith("[") and "=" in s:
        s = s[s.index("=") + 1:]
    if len(s) < 2 or s[0] != "{" or s[-1] != "}":
        raise DecodeError("not an array literal: %r" % s)
    body = s[1:-1]
    if body.strip() == "":
        return []
    out = []
    for text, quoted in _split_items(body, "array"):
        t = text if quoted else text.strip()
        if not quoted and t.startswith("{"):
            out.append(_parse_array(t, elem))
        elif not quoted and t.upper() == "NULL":
            out.append(None)
        else:
            out.append(decode_text(elem, t))
    return out


def _parse_bool(s):
    t = s.strip().lower()
    if t in ("t", "true", "1", "yes", "y", "on"):
        return True
    if t in ("f", "false", "0", "no", "n", "off"):
        return False
    raise DecodeError("not a boolean: %r" % s)


def _parse_bytea(s):
    if s.startswith("\\x") or s.startswith("0x"):
        try:
            return bytes.fromhex(s[2:])
        except ValueError:
            raise DecodeError("bad hex in bytea value %r" % s[:40])
    out, i = bytearray(), 0
    while i < len(s):
        if s[i] == "\\":
            if s[i + 1:i + 2] == "\\":
                out.append(0x5C)
                i += 2
            else:
                out.append(int(s[i + 1:i + 4], 8))
                i += 4
        else:
            out += s[i].encode("utf-8")
            i += 1
    return bytes(out)


def _parse_vector(s):
    t = s.strip()
    if len(t) < 2 or t[0] != "[" or t[-1] != "]":
        raise DecodeError("not a vector literal: %r" % s[:40])
    body = t[1:-1].strip()
    return [float(x) for x in body.split(",")] if body else []


def _parse_int(s, oid):
    try:
        v = int(s)
    except ValueError:
        raise DecodeError("not an integer: %r" % s)
    bits = _INT_RANGE[oid]
    if not -2 ** (bits - 1) <= v < 2 ** (bits - 1):
        raise DecodeError("%s does not fit the column's %d-bit integer type" % (s, bits))
    return v


def decode_text(oid, s):
    """A text-format value of type ``oid`` as its Python value; raises DecodeError."""
    try:
        if oid in _INT_RANGE:
            return _parse_int(s, oid)
        if oid == BOOL:
            return _parse_bool(s)
        if oid in (FLOAT4, FLOAT8):
            return float(s)
        if oid == NUMERIC:
            return decimal.Decimal(s)
        if oid == BYTEA:
            return _parse_bytea(s)
        if oid == DATE:
            return _parse_date(s)
        if oid == TIME:
            return _parse_time(s, False)
        if oid == TIMETZ:
            return _parse_time(s, True)
        if oid == TIMESTAMP:
            return _parse_timestamp(s, False)
        if oid == TIMESTAMPTZ:
            return _parse_timestamp(s, True)
        if oid == INTERVAL:
            return _parse_interval(s)
        if oid == UUID:
            return uuid.UUID(s)
        if oid == JSON:
            return Json(s)
        if oid == JSONB:
            return Jsonb(s)
        if oid == GEOMETRY:
            return Geometry(s)
        if oid == VECTOR:
            return _parse_vector(s)
        if oid in RANGE_ELEMENT:
            return _parse_range(s, oid)
        if oid in ARRAY_ELEMENT:
            return _parse_array(s, ARRAY_ELEMENT[oid])
        return s
    except DecodeError:
        raise
    except (ValueError, decimal.InvalidOperation) as e:
        raise DecodeError("cannot read %r as type %d: %s" % (s[:60], oid, e))


def decode_cell(oid, fmt, cell):
    """A DATA_ROW cell (bytes or None) of a column with this OID and P1 value_format (1 = text)."""
    if cell is None:
        return None
    if fmt != 1:
        raise errors.InterfaceError("the server sent a binary value for type %d although text was asked for" % oid,
                                    "08P01")
    s = cell.decode("utf-8", errors="replace")
    try:
        return decode_text(oid, s)
    except DecodeError as e:
        raise errors.DataError(str(e), "22P02")
