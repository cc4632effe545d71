"""SBWP v1.1 wire codec: the 40-byte frame header and the message payloads this client sends
and reads (P1 layouts, spec sections 3, 6-9). No sockets and no policy: bytes in, values out.

Every malformed input raises :class:`WireError` naming the field and its byte offset.
"""
import struct
import uuid

MAGIC = b"SBWP"
HEADER_SIZE = 40
VERSION = (1, 1)
CLIENT_MAX_PAYLOAD = 1 << 30  # what a client accepts before allocating (spec 3.2)

# message codes (spec 4)
STARTUP, AUTH_RESPONSE, QUERY, PARSE, BIND, DESCRIBE, EXECUTE, CLOSE, SYNC = 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09
TERMINATE = 0x0C
TXN_BEGIN, TXN_COMMIT, TXN_ROLLBACK, TXN_SAVEPOINT, TXN_RELEASE, TXN_ROLLBACK_TO = 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A
PING = 0x1B
AUTH_REQUEST, AUTH_OK, AUTH_CONTINUE, READY = 0x40, 0x41, 0x42, 0x43
ROW_DESCRIPTION, DATA_ROW, COMMAND_COMPLETE, EMPTY_QUERY, ERROR, NOTICE = 0x44, 0x45, 0x46, 0x47, 0x48, 0x49
PARSE_COMPLETE, BIND_COMPLETE, CLOSE_COMPLETE, PORTAL_SUSPENDED, NO_DATA = 0x4A, 0x4B, 0x4C, 0x4D, 0x4E
PARAMETER_STATUS, PARAMETER_DESCRIPTION = 0x4F, 0x50
PONG, SERVER_INFO = 0x5D, 0x61

NAMES = {v: k for k, v in dict(globals()).items() if isinstance(v, int) and k.isupper() and 0 < v < 0x100
         and k not in ("HEADER_SIZE",)}

# feature bits (spec 5.4)
FEATURE_STREAMING = 1 << 1
FEATURE_SAVEPOINTS = 1 << 9

# AUTH_REQUEST methods (spec 6.5)
AUTH_METHOD_OK, AUTH_METHOD_PASSWORD, AUTH_METHOD_SCRAM_SHA_256, AUTH_METHOD_SCRAM_SHA_512, AUTH_METHOD_TOKEN = 0, 1, 3, 4, 5

# QUERY flags (spec 7.1) and EXECUTE flags (spec 8.4)
QUERY_AUTOCOMMIT = 0x40
EXECUTE_AUTOCOMMIT = 0x1

FORMAT_TEXT = 0
FORMAT_BINARY = 1

ZERO_UUID = uuid.UUID(int=0)


class WireError(Exception):
    """A frame or payload that does not follow SBWP v1.1."""

    def __init__(self, message, offset=None):
        super().__init__(message if offset is None else "%s (at byte %d)" % (message, offset))
        self.offset = offset


# ------------------------------------------------------------------ header

class Header:
    __slots__ = ("msg_type", "flags", "length", "sequence", "attachment", "txn_id")

    def __init__(self, msg_type, flags, length, sequence, attachment, txn_id):
        self.msg_type, self.flags, self.length = msg_type, flags, length
        self.sequence, self.attachment, self.txn_id = sequence, attachment, txn_id


def encode_frame(msg_type, payload, sequence, attachment=ZERO_UUID, txn_id=0, flags=0):
    """A whole frame: header (spec 3.1, little-endian except the UUID) + payload."""
    return (MAGIC + bytes(VERSION) + struct.pack("<BBII", msg_type, flags, len(payload), sequence & 0xFFFFFFFF)
            + attachment.bytes + struct.pack("<Q", txn_id) + bytes(payload))


def decode_header(b, max_payload=CLIENT_MAX_PAYLOAD):
    """Checks in the order of spec 3.6: magic, version, length, then flags."""
    if len(b) < HEADER_SIZE:
        raise WireError("frame header needs 40 bytes but only %d are present" % len(b), len(b))
    if b[0:4] != MAGIC:
        hint = " (a text banner: the server did not see SBWP, spec 2.3)" if b[0:2] == b"Sc" else ""
        raise WireError("bad magic %s, expected 53 42 57 50 ('SBWP')%s" % (b[0:4].hex(" "), hint), 0)
    if tuple(b[4:6]) != VERSION:
        raise WireError("bad version %s, expected 01 01" % b[4:6].hex(" "), 4)
    msg_type, flags, length, seq = struct.unpack_from("<BBII", b, 6)
    if length > max_payload:
        raise WireError("payload_length %d exceeds the limit of %d bytes" % (length, max_payload), 8)
    if flags & 0x01:
        raise WireError("flags 0x%02x set COMPRESSED, which is never negotiated" % flags, 7)
    if flags & 0xF0:
        raise WireError("flags 0x%02x set reserved bits" % flags, 7)
    attachment = uuid.UUID(bytes=bytes(b[16:32]))
    (txn,) = struct.unpack_from("<Q", b, 32)
    return Header(msg_type, flags, length, seq, attachment, txn)


# ------------------------------------------------------------------ payload helpers

class Writer:
    def __init__(self):
        self.buf = bytearray()

    def u8(self, v):
        self.buf += struct.pack("<B", v)
        return self

    def u16(self, v):
        self.buf += struct.pack("<H", v)
        return self

    def i32(self, v):
        self.buf += struct.pack("<i", v)
        return self

    def u32(self, v):
        self.buf += struct.pack("<I", v)
        return self

    def i64(self, v):
        self.buf += struct.pack("<q", v)
        return self

    def raw(self, b):
        self.buf += b
        return self

    def lpbytes(self, b):
        return self.u32(len(b)).raw(b)

    def lpstr(self, s):
        return self.lpbytes(s.encode("utf-8"))

    def cstr(self, s):
        b = s.encode("utf-8")
        if b"\x00" in b:
            raise WireError("a NUL character cannot travel in a C string: %r" % s)
        return self.raw(b + b"\x00")

    def bytes(self):
        return bytes(self.buf)


class Reader:
    """Bounds-checked little-endian reads; ``base`` is added to offsets in error messages."""

    def __init__(self, b, base=HEADER_SIZE):
        self.b = memoryview(b).tobytes() if not isinstance(b, bytes) else b
        self.pos = 0
        self.base = base

    def remaining(self):
        return len(self.b) - self.pos

    def _take(self, n, field):
        if n < 0 or self.pos + n > len(self.b):
            raise WireError("payload ends inside %s (needs %d byte(s), %d remain)" % (field, n, self.remaining()),
                            self.base + self.pos)
        v = self.b[self.pos:self.pos + n]
        self.pos += n
        return v

    def u8(self, field):
        return self._take(1, field)[0]

    def u16(self, field):
        return struct.unpack("<H", self._take(2, field))[0]

    def i32(self, field):
        return struct.unpack("<i", self._take(4, field))[0]

    def u32(self, field):
        return struct.unpack("<I", self._take(4, field))[0]

    def i64(self, field):
        return struct.unpack("<q", self._take(8, field))[0]

    def uuid(self, field):
        return uuid.UUID(bytes=self._take(16, field))

    def raw(self, n, field):
        return self._take(n, field)

    def lpbytes(self, field):
        n = self.u32(field + ".length")
        return self._take(n, field)

    def lpstr(self, field):
        return self.lpbytes(field).decode("utf-8")

    def cstr(self, field):
        end = self.b.find(b"\x00", self.pos)
        if end < 0:
            raise WireError("%s is not NUL-terminated" % field, self.base + self.pos)
        v = self.b[self.pos:end].decode("utf-8")
        self.pos = end + 1
        return v

    def nullable_text(self, field):
        state = self.u8(field + ".state")
        text = self.lpstr(field)
        return text if state == 3 or text else None

    def end(self, layout):
        if self.pos != len(self.b):
            raise WireError("%s has %d unexpected byte(s) after its last field" % (layout, self.remaining()),
                            self.base + self.pos)


# ------------------------------------------------------------------ client messages

def startup(keys, client_features=FEATURE_SAVEPOINTS):
    """STARTUP, P1 layout (spec 6.2): version window 1.1, connect keys as text, no extensions."""
    w = Writer().u16(0x0101).u16(0x0101).i32(0).i64(client_features).i64(0).i64(0).raw(bytes(48)).u32(len(keys))
    for name, value in keys:
        w.lpstr(name).u8(0x01).u8(0).lpbytes(value.encode("utf-8"))
    return w.u32(0).bytes()


def query(sql, flags=0, max_rows=0, timeout_ms=0):
    return Writer().i32(flags).i32(max_rows).i32(timeout_ms).cstr(sql).bytes()


def parse(sql, param_oids, name=""):
    w = Writer().lpstr(name).lpstr(sql).u16(len(param_oids)).u16(0)
    for oid in param_oids:
        w.i32(oid)
    return w.bytes()


def bind(values, formats, statement="", portal="", result_formats=()):
    """``values`` are encoded bytes or None (NULL); one format per value."""
    w = Writer().lpstr(portal).lpstr(statement).u16(len(formats))
    for f in formats:
        w.u16(f)
    w.u16(len(values)).u16(0)
    for v in values:
        if v is None:
            w.i32(-1)
        else:
            w.lpbytes(v)
    w.u16(len(result_formats))
    for f in result_formats:
        w.u16(f)
    return w.bytes()


def execute(portal="", max_rows=0, flags=0):
    return Writer().lpstr(portal).i32(max_rows).i32(flags).bytes()


def txn_begin():
    """TXN_BEGIN without options (spec 9.1): flags, six option bytes, timeout."""
    return Writer().u16(0).raw(bytes(6)).i32(0).bytes()


def txn_end():
    """TXN_COMMIT / TXN_ROLLBACK plain form: flags byte and three zero bytes."""
    return bytes(4)


def savepoint(name):
    return Writer().lpstr(name).bytes()


# ------------------------------------------------------------------ server messages

def auth_request(p):
    r = Reader(p)
    method = r.u8("auth_method")
    r.raw(3, "reserved")
    return method, r.raw(r.remaining(), "method_data")


def auth_continue(p):
    r = Reader(p)
    method, stage = r.u8("auth_method"), r.u8("stage")
    r.raw(2, "reserved")
    data = r.lpbytes("data")
    r.end("AUTH_CONTINUE")
    return method, stage, data


def auth_ok(p):
    r = Reader(p)
    session = r.uuid("session_id")
    info = r.lpbytes("info")
    r.end("AUTH_OK")
    return session, info


class Ready:
    __slots__ = ("session", "attachment", "txn_id", "status", "reason", "version", "features")

    def in_transaction(self):
        return self.status in (ord("T"), ord("E"))


def ready(p):
    """READY, P1 layout (76 bytes, spec 6.9)."""
    r = Reader(p)
    out = Ready()
    out.session = r.uuid("session_uuid")
    out.attachment = r.uuid("attachment_id")
    r.uuid("reserved_uuid")
    out.txn_id = r.i64("txn_id")
    out.status = r.u8("txn_status")
    out.reason = r.u8("ready_reason")
    out.version = r.u16("selected_protocol_version")
    out.features = r.i64("negotiated_feature_bitmap")
    r.i32("reserved_1")
    r.i32("reserved_2")
    r.end("READY (P1)")
    return out


def parameter_status(p):
    """Counted entries (spec 6.8), or the single ``lpstr, lpstr`` pair some servers send."""
    r = Reader(p)
    try:
        n = r.u32("entry_count")
        if n > len(p) // 11:
            raise WireError("entry_count %d cannot fit the payload" % n, HEADER_SIZE)
        out = {}
        for i in range(n):
            name = r.lpstr("entry[%d].name" % i)
            r.u16("entry[%d].value_type" % i)
            r.u8("entry[%d].flags" % i)
            out[name] = r.lpstr("entry[%d].value" % i)
        r.end("PARAMETER_STATUS")
        return out
    except WireError:
        r = Reader(p)
        name, value = r.lpstr("name"), r.lpstr("value")
        r.end("PARAMETER_STATUS (single pair)")
        return {name: value}


def error(p):
    """ERROR / NOTICE (spec 11.1): (code byte, C string) fields up to a zero byte."""
    r = Reader(p)
    fields = {}
    while True:
        code = r.u8("field.code")
        if code == 0:
            break
        fields[chr(code)] = r.cstr("field[%s]" % chr(code))
    r.end("ERROR")
    return fields


def command_complete(p):
    r = Reader(p)
    r.u8("command_type")
    r.raw(3, "reserved")
    rows, last_id = r.i64("rows"), r.i64("last_insert_id")
    tag = r.cstr("tag")
    r.end("COMMAND_COMPLETE")
    return tag, rows, last_id


# metadata texts that may follow a column's label, in wire order (bit numbers, spec 7.2)
_COLUMN_TEXT_BITS = (1, 2, 3, 4, 5, 6, 9, 7, 35)
_MOD_LENGTH_CHARS, _MOD_LENGTH_BYTES, _MOD_ELEMENT, _MOD_TIME_ZONE = 1 << 3, 1 << 4, 1 << 8, 1 << 10


class Column:
    __slots__ = ("name", "oid", "format", "nullable", "precision", "scale", "length")


def _type_ref(r, f):
    """The 144-byte canonical type reference (spec 10.6) → (oid, precision, scale, length)."""
    family, code = r.u16(f + ".family"), r.u16(f + ".code")
    r.u16(f + ".version")
    r.u16(f + ".flags")
    r.uuid(f + ".descriptor")
    r.uuid(f + ".domain")
    element = r.uuid(f + ".element_descriptor")
    r.i32(f + ".descriptor_version")
    r.i32(f + ".array_rank")
    mods = r.i64(f + ".modifier_bitmap")
    precision = r.i64(f + ".precision")
    scale = r.i32(f + ".scale")
    r.i32(f + ".datetime_precision")
    length_chars = r.i64(f + ".length_chars")
    length_bytes = r.i64(f + ".length_bytes")
    r.uuid(f + ".charset")
    r.uuid(f + ".collation")
    tz_policy = r.u16(f + ".timezone_policy")
    r.u16(f + ".calendar_policy")
    r.u16(f + ".numeric_locale_policy")
    r.u16(f + ".reserved")
    elem = (element.int & 0xFFFFFFFF) if mods & _MOD_ELEMENT else 0
    zoned = bool(mods & _MOD_TIME_ZONE) and tz_policy != 0
    oid = _oid_of(family, code, mods, length_bytes, elem, zoned)
    return oid, precision, scale, length_chars


_RANGE_OF = {23: 3904, 20: 3926, 1700: 3906, 1082: 3912, 1114: 3908, 1184: 3910}
ARRAY_ELEMENT = {1000: 16, 1001: 17, 1005: 21, 1007: 23, 1009: 25, 1015: 1043, 1016: 20, 1021: 700, 1022: 701,
                 1115: 1114, 1182: 1082, 1183: 1083, 1185: 1184, 1231: 1700, 1270: 1266, 2951: 2950}
_ARRAY_OF = {v: k for k, v in ARRAY_ELEMENT.items()}


def _oid_of(family, code, mods, length_bytes, element, zoned):
    if family == 0:
        return 0
    if family == 1:
        return 16
    if family == 2:
        return {1: 21, 2: 21, 3: 23, 4: 20}.get(code, 1700)
    if family == 4:
        return 1700
    if family == 6:
        return 700 if mods & _MOD_LENGTH_BYTES and length_bytes == 4 else 701
    if family == 8:
        return 1043 if mods & _MOD_LENGTH_CHARS else 25
    if family == 9:
        return 17
    if family == 11:
        if code == 1:
            return 1082
        if code == 2:
            return 1266 if zoned else 1083
        return 1184 if zoned else 1114
    if family == 12:
        return 1186
    if family == 13:
        return 2950
    if family == 15:
        return _ARRAY_OF.get(element, 1009)
    if family == 17:
        return _RANGE_OF.get(element, 25)
    if family == 20:
        return {3: 3802, 5: 142}.get(code, 114)
    if family == 21:
        return 600
    if family == 22:
        return 16386
    return 25


def row_description(p):
    """ROW_DESCRIPTION, P1 layout (spec 7.2): 72-byte header, then per column a 216-byte descriptor,
    the display label and the metadata texts its bitmap selects."""
    r = Reader(p)
    r.u16("layout_version")
    r.u8("result_set_kind")
    r.u8("header_flags")
    count = r.u32("column_count")
    if count > len(p) // 221:
        raise WireError("column_count %d cannot fit the payload" % count, HEADER_SIZE + 4)
    r.raw(64, "envelope, shape, snapshot hash")
    cols = []
    for i in range(count):
        f = "column[%d]" % i
        r.i32(f + ".ordinal")
        r.u8(f + ".column_class")
        c = Column()
        c.format = r.u8(f + ".value_format")  # P1: 1 text, 0 binary
        nullability = r.u8(f + ".nullability")
        r.u8(f + ".updatability")
        bitmap = r.i64(f + ".metadata_bitmap")
        c.oid, c.precision, c.scale, c.length = _type_ref(r, f + ".type_ref")
        r.raw(48 + 4 + 1 + 1 + 2, f + ".source ids")
        label = r.nullable_text(f + ".display_label")
        texts = {}
        for bit in _COLUMN_TEXT_BITS:
            if bitmap & (1 << bit):
                texts[bit] = r.nullable_text(f + ".metadata[%d]" % bit)
        c.name = label if label else texts.get(1) or "column%d" % (i + 1)
        c.nullable = None if nullability == 2 else bool(nullability)
        cols.append(c)
    r.end("ROW_DESCRIPTION (P1)")
    return cols


def data_row(p):
    """DATA_ROW (spec 7.3): cells as bytes, None for NULL (bitmap bit set, or a negative length)."""
    r = Reader(p)
    n = r.u16("column_count")
    nb = r.u16("null_bitmap_bytes")
    if nb != (n + 7) // 8:
        raise WireError("null_bitmap_bytes is %d but %d column(s) need %d" % (nb, n, (n + 7) // 8), HEADER_SIZE + 2)
    bitmap = r.raw(nb, "null_bitmap")
    cells = []
    for i in range(n):
        if bitmap[i >> 3] & (1 << (i & 7)):
            cells.append(None)
            continue
        length = r.i32("value[%d].length" % i)
        cells.append(None if length < 0 else r.raw(length, "value[%d]" % i))
    r.end("DATA_ROW")
    return cells
