"""ScratchBird wrapper types (PEP 249 has no standard for them): Json, Jsonb, Range, Geometry,
Interval. Vectors are plain sequences of floats (lists, tuples, NumPy arrays via ``tolist()``)."""
import re


class _JsonDocument:
    """A JSON document kept as the text the server stores (no re-serialisation)."""
    __slots__ = ("text",)
    oid = 114

    def __init__(self, text):
        if not isinstance(text, str):
            import json
            text = json.dumps(text, ensure_ascii=False, separators=(",", ":"))
        self.text = text

    def value(self):
        import json
        return json.loads(self.text)

    def __eq__(self, other):
        return type(other) is type(self) and other.text == self.text

    def __hash__(self):
        return hash(self.text)

    def __repr__(self):
        return "%s(%r)" % (type(self).__name__, self.text)


class Json(_JsonDocument):
    oid = 114


class Jsonb(_JsonDocument):
    oid = 3802


class Interval:
    """An SBWP interval: months, days and microseconds (a timedelta cannot hold months)."""
    __slots__ = ("months", "days", "micros")

    def __init__(self, months=0, days=0, micros=0):
        self.months, self.days, self.micros = int(months), int(days), int(micros)

    def __eq__(self, other):
        return isinstance(other, Interval) and (self.months, self.days, self.micros) == (other.months, other.days, other.micros)

    def __hash__(self):
        return hash((self.months, self.days, self.micros))

    def __repr__(self):
        return "Interval(months=%d, days=%d, micros=%d)" % (self.months, self.days, self.micros)


RANGE_OIDS = {"int4range": 3904, "int8range": 3926, "numrange": 3906, "daterange": 3912, "tsrange": 3908, "tstzrange": 3910}


class Range:
    """A range value. ``lower``/``upper`` None means unbounded; ``bounds`` is two characters such as
    ``'[)'``. ``kind`` (``'int4range'`` …) names the SBsql type; when None it is inferred from the bounds."""
    __slots__ = ("lower", "upper", "bounds", "empty", "kind")

    def __init__(self, lower=None, upper=None, bounds="[)", empty=False, kind=None):
        if len(bounds) != 2 or bounds[0] not in "[(" or bounds[1] not in "])":
            raise ValueError("range bounds must be two of '[(' and '])', got %r" % bounds)
        if kind is not None and kind not in RANGE_OIDS:
            raise ValueError("unknown range kind %r (one of %s)" % (kind, ", ".join(sorted(RANGE_OIDS))))
        self.lower, self.upper, self.empty, self.kind = lower, upper, bool(empty), kind
        self.bounds = ("(" if lower is None else bounds[0]) + (")" if upper is None else bounds[1])

    @classmethod
    def empty_range(cls, kind=None):
        return cls(empty=True, kind=kind)

    @property
    def lower_inc(self):
        return not self.empty and self.bounds[0] == "["

    @property
    def upper_inc(self):
        return not self.empty and self.bounds[1] == "]"

    def __eq__(self, other):
        return isinstance(other, Range) and (self.empty and other.empty or not self.empty and not other.empty
                                             and (self.lower, self.upper, self.bounds) == (other.lower, other.upper, other.bounds))

    def __hash__(self):
        return hash((self.empty, self.lower, self.upper, self.bounds))

    def __repr__(self):
        if self.empty:
            return "Range(empty=True)"
        return "Range(%r, %r, %r)" % (self.lower, self.upper, self.bounds)


_EWKT = re.compile(r"\s*SRID=(\d+);(.*)\Z", re.S | re.I)


class Geometry:
    """A geometry as (E)WKT text with its SRID (0 = none): ``Geometry('SRID=4326;POINT(1 2)')`` or
    ``Geometry('POINT(1 2)', 4326)``."""
    __slots__ = ("wkt", "srid")

    def __init__(self, wkt, srid=None):
        m = _EWKT.match(wkt)
        if m:
            if srid is not None and srid != int(m.group(1)):
                raise ValueError("SRID %d given for EWKT with SRID %s" % (srid, m.group(1)))
            srid, wkt = int(m.group(1)), m.group(2)
        if not re.match(r"\s*[A-Za-z]", wkt):
            raise ValueError("not WKT text: %r" % wkt[:40])
        self.wkt = wkt.strip()
        self.srid = int(srid or 0)

    @property
    def ewkt(self):
        return "SRID=%d;%s" % (self.srid, self.wkt) if self.srid else self.wkt

    def __eq__(self, other):
        return isinstance(other, Geometry) and (self.wkt, self.srid) == (other.wkt, other.srid)

    def __hash__(self):
        return hash((self.wkt, self.srid))

    def __repr__(self):
        return "Geometry(%r)" % self.ewkt
