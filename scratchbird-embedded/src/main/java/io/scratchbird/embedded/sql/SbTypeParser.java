package io.scratchbird.embedded.sql;

import io.scratchbird.wire.codec.TypeOids;

import java.util.Locale;
import java.util.Set;

/**
 * Reads an SBsql type spelling (SQL-DIALECT.md section 2) and resolves it to its storage. The
 * traps are honoured: {@code INT8} is 8-bit, {@code FLOAT} is 4-byte, {@code TIMESTAMPTZ} is the
 * only zoned timestamp spelling, geometry has no SRID type modifier, arrays are {@code ARRAY<T>}.
 * Types the server cannot store are refused with 0A000; spellings SBsql does not have with 42601
 * or 42704, so nothing is silently stored as something else.
 */
public final class SbTypeParser {

    /** A parsed type and the index of the first token after it. */
    public record Parsed(DeclaredType type, int next) {
    }

    private static final Set<String> UNSUPPORTED = Set.of(
            "MULTISET", "MAP", "ROW", "TUPLE", "VARIANT", "TSVECTOR", "INET", "INET6", "CIDR", "MACADDR", "MACADDR8",
            "ROWVERSION", "ENUM8", "ENUM16", "SPARSE_VECTOR", "BINARY_VECTOR", "BIT_VECTOR", "DOCUMENT",
            "BSON_DOCUMENT", "HSTORE_DOCUMENT", "INT4MULTIRANGE", "UINT8", "UINT16", "UINT32", "UINT64", "UINT128");
    private static final Set<String> GEOMETRY_KINDS = Set.of(
            "POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING", "MULTIPOLYGON", "GEOMETRYCOLLECTION");

    private static final StorageDomain TEXT_DOMAIN = new StorageDomain("text", "CHARACTER VARYING", null);
    private static final StorageDomain XML_DOMAIN = new StorageDomain("xml", "CHARACTER VARYING", null);
    private static final StorageDomain GEOGRAPHY_DOMAIN = new StorageDomain("geography", "GEOMETRY", null);

    private final TokenList tokens;
    private int pos;

    private SbTypeParser(TokenList tokens, int pos) {
        this.tokens = tokens;
        this.pos = pos;
    }

    /** Parses the type that starts at token {@code start}. */
    static Parsed parse(TokenList tokens, int start) throws EngineException {
        SbTypeParser p = new SbTypeParser(tokens, start);
        DeclaredType type = p.type();
        if (tokens.get(p.pos).is("[")) {
            throw SqlErrors.syntax("array type syntax \"" + type.reported().name()
                    + "[]\" is not SBsql; write ARRAY<" + type.reported().name() + ">", tokens.get(p.pos).start());
        }
        return new Parsed(type, p.pos);
    }

    /** Parses text that must be exactly one type, e.g. a domain name such as {@code vector(3)}. */
    public static DeclaredType parseWhole(String typeText) throws EngineException {
        TokenList tokens = TokenList.of(typeText);
        Parsed parsed = parse(tokens, 0);
        if (!tokens.isEnd(parsed.next())) {
            throw SqlErrors.syntaxAt(tokens.get(parsed.next()));
        }
        return parsed.type();
    }

    private DeclaredType type() throws EngineException {
        SqlToken first = tokens.get(pos);
        if (first.kind() != SqlToken.Kind.WORD) {
            throw first.text().isEmpty() ? SqlErrors.syntax("type name expected at end of input", first.start())
                    : SqlErrors.syntaxAt(first);
        }
        pos++;
        String name = first.upper();
        if (UNSUPPORTED.contains(name)) {
            throw SqlErrors.unsupported("type " + name.toLowerCase(Locale.ROOT));
        }
        if (GEOMETRY_KINDS.contains(name)) {
            return DeclaredType.plain(SbTypes.GEOMETRY, "GEOMETRY(" + name + ")");
        }
        return switch (name) {
            case "SMALLINT", "INT16", "INT2" -> DeclaredType.plain(SbTypes.SMALLINT, "SMALLINT");
            case "INT", "INTEGER", "INT32", "INT4" -> DeclaredType.plain(SbTypes.INTEGER, "INTEGER");
            case "BIGINT", "INT64" -> DeclaredType.plain(SbTypes.BIGINT, "BIGINT");
            case "INT8", "INT1", "TINYINT" -> DeclaredType.plain(SbTypes.TINY, "TINYINT");
            case "INT128" -> DeclaredType.plain(new SqlType(TypeOids.NUMERIC, "int128", 39, 0, 0), "NUMERIC(39, 0)");
            case "DECIMAL", "NUMERIC", "DEC" -> decimal();
            case "MONEY" -> DeclaredType.plain(new SqlType(TypeOids.NUMERIC, "money", 19, 4, 0), "NUMERIC(19, 4)");
            case "SMALLMONEY" -> DeclaredType.plain(new SqlType(TypeOids.NUMERIC, "smallmoney", 10, 4, 0), "NUMERIC(10, 4)");
            case "DECIMAL_FLOAT", "DECFLOAT" -> DeclaredType.plain(SqlType.of(TypeOids.NUMERIC, "decimal_float"), "DECFLOAT");
            case "REAL", "REAL32" -> DeclaredType.plain(SbTypes.REAL, "REAL");
            case "DOUBLE" -> {
                acceptWord("PRECISION");
                yield DeclaredType.plain(SbTypes.DOUBLE, "DOUBLE PRECISION");
            }
            case "REAL64" -> DeclaredType.plain(SbTypes.DOUBLE, "DOUBLE PRECISION");
            case "FLOAT" -> {
                int p = optionalNumber(24);
                yield p <= 24 ? DeclaredType.plain(SbTypes.REAL, "REAL") : DeclaredType.plain(SbTypes.DOUBLE, "DOUBLE PRECISION");
            }
            case "CHAR", "CHARACTER", "NCHAR" -> acceptWord("VARYING") ? varchar() : character();
            case "VARCHAR", "NVARCHAR" -> varchar();
            case "TEXT", "CLOB", "NCLOB", "LONG" -> DeclaredType.ofDomain(SbTypes.TEXT, TEXT_DOMAIN);
            case "BOOLEAN", "BOOL" -> DeclaredType.plain(SbTypes.BOOLEAN, "BOOLEAN");
            case "DATE" -> DeclaredType.plain(SbTypes.DATE, "DATE");
            case "TIME" -> time();
            case "TIMESTAMP" -> timestamp(first);
            case "TIMESTAMPTZ", "TIMESTAMP_TZ" -> {
                int p = optionalNumber(6);
                yield DeclaredType.plain(SbTypes.TIMESTAMPTZ, "TIMESTAMP(" + p + ") WITH TIME ZONE");
            }
            case "INTERVAL" -> interval();
            case "UUID" -> DeclaredType.plain(SbTypes.UUID, "UUID");
            case "BYTEA", "BLOB", "IMAGE" -> DeclaredType.plain(SbTypes.BYTEA, "BINARY VARYING");
            case "VARBINARY" -> {
                int n = optionalNumber(0);
                yield DeclaredType.plain(new SqlType(TypeOids.BYTEA, "bytea", n, 0, 0),
                        n > 0 ? "BINARY VARYING(" + n + ")" : "BINARY VARYING");
            }
            case "BINARY" -> binary();
            case "JSON", "JSON_DOCUMENT" -> checkedText(SbTypes.JSON, "json", FunctionCatalog.internal("check_json", "VALUE"));
            case "JSONB", "BINARY_JSON_DOCUMENT" -> checkedText(SbTypes.JSONB, "jsonb", FunctionCatalog.internal("check_json", "VALUE"));
            case "XML", "XML_DOCUMENT" -> DeclaredType.ofDomain(SbTypes.XML, XML_DOMAIN);
            case "INT4RANGE" -> range(SbTypes.INT4RANGE);
            case "INT8RANGE" -> range(SbTypes.INT8RANGE);
            case "NUMRANGE" -> range(SbTypes.NUMRANGE);
            case "TSRANGE" -> range(SbTypes.TSRANGE);
            case "TSTZRANGE" -> range(SbTypes.TSTZRANGE);
            case "DATERANGE" -> range(SbTypes.DATERANGE);
            case "GEOMETRY" -> geometry();
            case "GEOGRAPHY" -> DeclaredType.ofDomain(SbTypes.GEOGRAPHY, GEOGRAPHY_DOMAIN);
            case "SDO_GEOMETRY" -> DeclaredType.plain(SbTypes.GEOMETRY, "GEOMETRY");
            case "VECTOR", "DENSE_VECTOR" -> vector();
            case "ARRAY" -> array(first);
            case "SERIAL", "BIGSERIAL", "SMALLSERIAL", "AUTO_INCREMENT" -> throw SqlErrors.syntax(
                    "type \"" + first.text() + "\" is not SBsql; use GENERATED BY DEFAULT AS IDENTITY", first.start());
            case "OID" -> throw SqlErrors.unsupported("type oid (large object references); use blob or bytea");
            default -> throw SqlErrors.undefinedType(first.text(), first.start());
        };
    }

    private boolean acceptWord(String word) {
        if (tokens.get(pos).isWord(word)) {
            pos++;
            return true;
        }
        return false;
    }

    /** {@code (n)} if present, else {@code dflt}. */
    private int optionalNumber(int dflt) throws EngineException {
        if (!tokens.get(pos).is("(")) {
            return dflt;
        }
        int[] values = numbers(1);
        return values[0];
    }

    /** {@code (a[, b])} with up to {@code max} non-negative integers; missing ones are -1. */
    private int[] numbers(int max) throws EngineException {
        expect("(");
        int[] values = {-1, -1};
        for (int k = 0; k < max; k++) {
            SqlToken t = tokens.get(pos);
            if (t.kind() != SqlToken.Kind.NUMBER || !t.text().chars().allMatch(Character::isDigit)) {
                throw SqlErrors.syntaxAt(t);
            }
            try {
                values[k] = Integer.parseInt(t.text());
            } catch (NumberFormatException e) {
                throw SqlErrors.syntax("type modifier " + t.text() + " is out of range", t.start());
            }
            pos++;
            if (!tokens.get(pos).is(",") || k == max - 1) {
                break;
            }
            pos++;
        }
        expect(")");
        return values;
    }

    private void expect(String punctuation) throws EngineException {
        SqlToken t = tokens.get(pos);
        if (!t.is(punctuation)) {
            throw t.text().isEmpty() ? SqlErrors.syntax("syntax error at end of input", t.start()) : SqlErrors.syntaxAt(t);
        }
        pos++;
    }

    private DeclaredType decimal() throws EngineException {
        if (!tokens.get(pos).is("(")) {
            return DeclaredType.plain(SbTypes.NUMERIC, "NUMERIC");
        }
        int[] ps = numbers(2);
        int scale = Math.max(ps[1], 0);
        return DeclaredType.plain(SbTypes.numeric(ps[0], scale), "NUMERIC(" + ps[0] + ", " + scale + ")");
    }

    private DeclaredType varchar() throws EngineException {
        int n = optionalNumber(0);
        return DeclaredType.plain(SbTypes.varchar(n), n > 0 ? "CHARACTER VARYING(" + n + ")" : "CHARACTER VARYING");
    }

    private DeclaredType character() throws EngineException {
        int n = optionalNumber(1);
        return DeclaredType.plain(SbTypes.character(n), "CHARACTER(" + n + ")");
    }

    private DeclaredType binary() throws EngineException {
        if (acceptWord("VARYING")) {
            return DeclaredType.plain(SbTypes.BYTEA, "BINARY VARYING");
        }
        int n = optionalNumber(1);
        return DeclaredType.plain(new SqlType(TypeOids.BYTEA, "binary", n, 0, 0), "BINARY(" + n + ")");
    }

    private DeclaredType time() throws EngineException {
        int p = optionalNumber(6);
        if (tokens.wordsAt(pos, "WITH", "TIME", "ZONE")) {
            pos += 3;
            return DeclaredType.plain(SbTypes.TIMETZ, "TIME(" + p + ") WITH TIME ZONE");
        }
        if (tokens.wordsAt(pos, "WITHOUT", "TIME", "ZONE")) {
            pos += 3;
        }
        return DeclaredType.plain(SbTypes.TIME, "TIME(" + p + ")");
    }

    private DeclaredType timestamp(SqlToken first) throws EngineException {
        int p = optionalNumber(6);
        if (tokens.wordsAt(pos, "WITH", "TIME", "ZONE") || tokens.wordsAt(pos, "WITHOUT", "TIME", "ZONE")) {
            String words = tokens.get(pos).text() + " time zone";
            throw SqlErrors.syntax("type \"timestamp " + words.toLowerCase(Locale.ROOT)
                    + "\" is not SBsql; use timestamptz or timestamp", first.start());
        }
        return DeclaredType.plain(new SqlType(TypeOids.TIMESTAMP, "timestamp", p, 0, 0), "TIMESTAMP(" + p + ")");
    }

    /** A plain INTERVAL holds days and time (H2 keeps year-month intervals apart from day-time ones). */
    private DeclaredType interval() throws EngineException {
        SqlToken field = tokens.get(pos);
        if (field.isWordIn("YEAR", "MONTH")) {
            pos++;
            if (acceptWord("TO")) {
                acceptWord("MONTH");
            }
            return DeclaredType.plain(SbTypes.INTERVAL, "INTERVAL YEAR(18) TO MONTH");
        }
        if (field.isWordIn("DAY", "HOUR", "MINUTE", "SECOND")) {
            pos++;
            optionalNumber(0);
            if (acceptWord("TO")) {
                SqlToken to = tokens.get(pos);
                if (!to.isWordIn("HOUR", "MINUTE", "SECOND")) {
                    throw SqlErrors.syntaxAt(to);
                }
                pos++;
                optionalNumber(6);
            }
        }
        return DeclaredType.plain(SbTypes.INTERVAL, "INTERVAL DAY(18) TO SECOND(6)");
    }

    private DeclaredType checkedText(SqlType reported, String name, String check) {
        return DeclaredType.ofDomain(reported, new StorageDomain(name, "CHARACTER VARYING", check));
    }

    /**
     * Range text; continuous ranges (numrange, tsrange, tstzrange) on a storage type of their own so
     * the range functions, which see only text, can tell {@code [1,5]} of a numrange from an int4range's.
     */
    private DeclaredType range(SqlType range) {
        return DeclaredType.ofDomain(range, new StorageDomain(range.name(), SbTypes.rangeStorage(range),
                FunctionCatalog.internal("check_range", "VALUE, '" + range.name() + "'")));
    }

    private DeclaredType geometry() throws EngineException {
        if (!tokens.get(pos).is("(")) {
            return DeclaredType.plain(SbTypes.GEOMETRY, "GEOMETRY");
        }
        SqlToken open = tokens.get(pos);
        pos++;
        SqlToken kind = tokens.get(pos);
        if (!GEOMETRY_KINDS.contains(kind.upper()) && !kind.isWord("GEOMETRY")) {
            throw SqlErrors.syntaxAt(kind);
        }
        pos++;
        if (tokens.get(pos).is(",")) {
            throw SqlErrors.syntax("geometry has no SRID type modifier in SBsql; the SRID is kept per value",
                    open.start());
        }
        expect(")");
        return DeclaredType.plain(SbTypes.GEOMETRY, kind.isWord("GEOMETRY") ? "GEOMETRY" : "GEOMETRY(" + kind.upper() + ")");
    }

    /** {@code VECTOR}, {@code VECTOR(n)}, {@code VECTOR<float32, n>}: text storage, dimension checked by the domain. */
    private DeclaredType vector() throws EngineException {
        int dimension = 0;
        boolean explicit = tokens.get(pos).is("(") || tokens.get(pos).is("<");
        if (tokens.get(pos).is("(")) {
            dimension = numbers(1)[0];
        } else if (tokens.get(pos).is("<")) {
            pos++;
            SqlToken element = tokens.get(pos);
            if (!element.isWordIn("FLOAT32", "REAL32", "REAL")) {
                throw SqlErrors.unsupported("vector element type " + element.text());
            }
            pos++;
            expect(",");
            SqlToken n = tokens.get(pos);
            if (n.kind() != SqlToken.Kind.NUMBER) {
                throw SqlErrors.syntaxAt(n);
            }
            dimension = Integer.parseInt(n.text());
            pos++;
            expect(">");
        }
        if (explicit && (dimension < 1 || dimension > io.scratchbird.types.Vector.MAX_DIMENSIONS)) {
            throw SqlErrors.syntax("vector dimension must be 1 to " + io.scratchbird.types.Vector.MAX_DIMENSIONS,
                    tokens.get(pos - 1).start());
        }
        String name = dimension == 0 ? "vector" : "vector(" + dimension + ")";
        return DeclaredType.ofDomain(SbTypes.vector(dimension), new StorageDomain(name, "CHARACTER VARYING",
                FunctionCatalog.internal("check_vector", "VALUE, " + dimension)));
    }

    private DeclaredType array(SqlToken first) throws EngineException {
        if (!tokens.get(pos).is("<")) {
            throw SqlErrors.syntax("ARRAY needs an element type: ARRAY<type>", first.start());
        }
        pos++;
        int elementStart = pos;
        DeclaredType element = type();
        if (element.domain() != null) {
            throw SqlErrors.unsupported("ARRAY<" + element.reported().name() + ">");
        }
        expect(">");
        SqlType reported = SbTypes.arrayOf(element.reported());
        if (reported == null) {
            throw SqlErrors.unsupported("ARRAY<" + tokens.get(elementStart).text().toLowerCase(Locale.ROOT) + ">");
        }
        String name = reported.name();
        return DeclaredType.ofDomain(reported, new StorageDomain(name, element.storage() + " ARRAY", null));
    }
}
