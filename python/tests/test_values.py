import datetime
import decimal
import struct
import unittest
import uuid

from scratchbird import DataError, Geometry, Interval, Json, Jsonb, NUMBER, ProgrammingError, Range, STRING
from scratchbird import values as V
from scratchbird.paramstyle import convert


class ParameterEncodingTest(unittest.TestCase):

    def test_fixed_width_binary_forms(self):
        self.assertEqual((16, 1, b"\x01"), V.encode_param(True))
        self.assertEqual((23, 1, struct.pack("<i", -5)), V.encode_param(-5))
        self.assertEqual((20, 1, struct.pack("<q", 2 ** 40)), V.encode_param(2 ** 40))
        self.assertEqual((701, 1, struct.pack("<d", 0.5)), V.encode_param(0.5))
        self.assertEqual((1082, 1, struct.pack("<i", 1)), V.encode_param(datetime.date(2000, 1, 2)))
        self.assertEqual((1083, 1, struct.pack("<q", 3723000004)), V.encode_param(datetime.time(1, 2, 3, 4)))
        tz = datetime.timezone(datetime.timedelta(hours=2))
        self.assertEqual((1266, 1, struct.pack("<qi", 0, -7200)), V.encode_param(datetime.time(0, 0, tzinfo=tz)))
        self.assertEqual((1184, 1, struct.pack("<q", 0)), V.encode_param(datetime.datetime(2000, 1, 1, 2, tzinfo=tz)))
        self.assertEqual((1114, 1, struct.pack("<q", -1)), V.encode_param(datetime.datetime(1999, 12, 31, 23, 59, 59, 999999)))
        u = uuid.uuid4()
        self.assertEqual((2950, 1, u.bytes), V.encode_param(u))
        self.assertEqual((1186, 1, struct.pack("<iiq", 14, 3, 5)), V.encode_param(Interval(14, 3, 5)))

    def test_length_prefixed_and_text_forms(self):
        self.assertEqual((1700, 1, b"\x04\x00\x00\x001.50"), V.encode_param(decimal.Decimal("1.50")))
        self.assertEqual((17, 1, b"\x02\x00\x00\x00\x00\xff"), V.encode_param(b"\x00\xff"))
        self.assertEqual((0, 0, "é".encode()), V.encode_param("é"))
        self.assertEqual((3802, 1, b"\x02\x00\x00\x00{}"), V.encode_param(Jsonb("{}")))
        self.assertEqual((16386, 1, b"\x09\x00\x00\x00[1.0,2.5]"), V.encode_param([1.0, 2.5]))
        self.assertEqual((600, 0, b"SRID=4326;POINT(1 2)"), V.encode_param(Geometry("POINT(1 2)", 4326)))
        self.assertEqual((3904, 0, b"[1,5)"), V.encode_param(Range(1, 5)))
        self.assertEqual((3926, 0, b"(,5000000000]"), V.encode_param(Range(None, 5000000000, "(]")))
        self.assertEqual((1007, 1, b"\x0a\x00\x00\x00{1,NULL,3}"), V.encode_param([1, None, 3]))

    def test_bad_values_are_refused_clearly(self):
        with self.assertRaisesRegex(DataError, "does not fit a 64-bit"):
            V.encode_param(2 ** 64)
        with self.assertRaisesRegex(DataError, "finite"):
            V.encode_param([1.0, float("nan")])
        with self.assertRaisesRegex(Exception, "cannot bind a parameter of type object"):
            V.encode_param(object())


class ResultDecodingTest(unittest.TestCase):

    def test_text_forms_round_trip(self):
        cases = [
            (16, "true", True), (21, "-32768", -32768), (20, "9223372036854775807", 2 ** 63 - 1),
            (701, "Infinity", float("inf")), (1700, "-0.000000001", decimal.Decimal("-0.000000001")),
            (17, "\\x00ff", b"\x00\xff"), (1082, "0001-01-01", datetime.date(1, 1, 1)),
            (1083, "23:59:59.5", datetime.time(23, 59, 59, 500000)),
            (1114, "2024-02-29 12:34:56.000001", datetime.datetime(2024, 2, 29, 12, 34, 56, 1)),
            (1184, "2024-01-01 00:30:00-08", datetime.datetime(2024, 1, 1, 8, 30, tzinfo=datetime.timezone.utc)),
            (1186, "P1Y2M3DT4H5M6.5S", Interval(14, 3, 14706500000)), (1186, "PT0S", Interval()),
            (1186, "PT-1.5S", Interval(0, 0, -1500000)),
            (3802, '{"a": 1}', Jsonb('{"a": 1}')), (114, "[]", Json("[]")),
            (600, "SRID=4326;POINT(1 2)", Geometry("POINT(1 2)", 4326)),
            (16386, "[1.0,-2.5]", [1.0, -2.5]), (3904, "empty", Range(empty=True)),
            (3904, "(,5]", Range(None, 5, "(]")),
            (3908, '["2024-01-01 00:00:00","2024-01-02 00:00:00")',
             Range(datetime.datetime(2024, 1, 1), datetime.datetime(2024, 1, 2))),
            (1007, "{1,NULL,3}", [1, None, 3]), (1007, "{{1,2},{3,4}}", [[1, 2], [3, 4]]),
            (1009, '{"a,b",NULL,"c\\"d"}', ["a,b", None, 'c"d']),
        ]
        for oid, text, expected in cases:
            with self.subTest(oid=oid, text=text):
                self.assertEqual(expected, V.decode_text(oid, text))

    def test_encoded_ranges_and_vectors_read_back(self):
        r = Range(decimal.Decimal("1.5"), None, "[)")
        self.assertEqual(r, V.decode_text(3906, V.range_text(r)))
        self.assertEqual([0.1, 0.2], V.decode_text(16386, V.vector_text([0.1, 0.2])))

    def test_out_of_range_and_malformed_values_raise_data_error(self):
        with self.assertRaisesRegex(DataError, "does not fit"):
            V.decode_cell(20, 1, b"170141183460469231731687303715884105727")
        with self.assertRaisesRegex(DataError, "not a date"):
            V.decode_cell(1082, 1, b"infinity")
        with self.assertRaisesRegex(DataError, "not a boolean"):
            V.decode_cell(16, 1, b"maybe")

    def test_type_objects(self):
        self.assertEqual(NUMBER, 1700)
        self.assertEqual(STRING, 1043)
        self.assertNotEqual(NUMBER, 25)


class ParamstyleTest(unittest.TestCase):

    def test_styles(self):
        self.assertEqual(("select $1, $2", [1, 2]), convert("select ?, ?", [1, 2]))
        self.assertEqual(("select $1, $2, $1", [1, 2]), convert("select :a, :b, :a", {"a": 1, "b": 2}))
        self.assertEqual(("select $1 and $1", [7]), convert("select %(x)s and %(x)s", {"x": 7}))
        self.assertEqual(("select $1, 5 % 2", ["a"]), convert("select %s, 5 %% 2", ["a"]))
        self.assertEqual(("select $2, $1", [1, 2]), convert("select $2, $1", [1, 2]))

    def test_quotes_comments_and_casts_are_not_markers(self):
        sql = "select '?', \":x\", x::int, $$ ? $$ -- ?\n/* :y */ from t where a = ?"
        self.assertEqual((sql.replace("a = ?", "a = $1"), [5]), convert(sql, [5]))

    def test_mismatches(self):
        with self.assertRaisesRegex(ProgrammingError, "2 placeholder"):
            convert("select ?, ?", [1])
        with self.assertRaisesRegex(ProgrammingError, "missing named parameter 'b'"):
            convert("select :a, :b", {"a": 1})
        with self.assertRaisesRegex(ProgrammingError, "no :name placeholders"):
            convert("select 1", {"a": 1})
