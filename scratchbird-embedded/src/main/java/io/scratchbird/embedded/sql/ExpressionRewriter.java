package io.scratchbird.embedded.sql;

import io.scratchbird.embedded.sql.SqlToken.Kind;
import io.scratchbird.embedded.sql.functions.SessionFunctions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The expression-level translation every statement goes through after its structural rewrite:
 * {@code x::t} and {@code CAST(x AS t)} with SBsql type meanings, typed literals, the JSON operators
 * {@code ->}/{@code ->>}, library functions (to their {@code sys.functions} aliases), sequence and
 * clock functions, session functions, schema-path resolution of qualified names, and refusal of the
 * operators and constructs SBsql does not admit outside special statements. Tokens already
 * translated ({@link Kind#RAW}) pass untouched.
 */
final class ExpressionRewriter {

    /** Storage built-ins that reach files, sessions or internals; SBsql has none of them. */
    private static final Set<String> BLOCKED_FUNCTIONS = Set.of(
            "FILE_READ", "FILE_WRITE", "CSVREAD", "CSVWRITE", "LINK_SCHEMA", "CANCEL_SESSION", "ABORT_SESSION",
            "DATABASE_PATH", "MEMORY_FREE", "MEMORY_USED", "H2VERSION", "SESSION_ID", "LOCK_MODE", "LOCK_TIMEOUT",
            "READONLY", "DISK_SPACE_USED", "SIGNAL", "DB_OBJECT_ID", "DB_OBJECT_SQL", "DB_OBJECT_SIZE",
            "DB_OBJECT_TOTAL_SIZE", "DB_OBJECT_APPROXIMATE_SIZE", "TRANSACTION_ID", "AUTOCOMMIT", "JAVA_OBJECT");

    /** Operators that are lexed but not admitted in ordinary expressions (SQL-DIALECT.md 7.1, 7.2, 7.4). */
    private static final Map<String, String> REFUSED_OPERATORS = Map.ofEntries(
            Map.entry("<->", "the vector distance operator <-> (only inside SEARCH; use l2_distance())"),
            Map.entry("<=>", "the vector distance operator <=> (only inside SEARCH; use cosine_distance())"),
            Map.entry("<#>", "the vector distance operator <#> (only inside SEARCH; use negative_inner_product())"),
            Map.entry("<+>", "the vector distance operator <+> (only inside SEARCH)"),
            Map.entry("<~>", "the vector distance operator <~> (only inside SEARCH)"),
            Map.entry("<%>", "the vector distance operator <%> (only inside SEARCH)"),
            Map.entry("@>", "the containment operator @> (profile-only; use range_contains() or JSON functions)"),
            Map.entry("<@", "the containment operator <@ (profile-only; use range_contains() or JSON functions)"),
            Map.entry("&&", "the overlap operator && (profile-only; use range_overlaps())"),
            Map.entry("?|", "the JSON operator ?| (profile-only; use json_exists())"),
            Map.entry("?&", "the JSON operator ?& (profile-only; use json_exists())"),
            Map.entry("#>", "the JSON operator #> (profile-only; use json_query())"),
            Map.entry("#>>", "the JSON operator #>> (profile-only; use json_value())"),
            Map.entry("<<", "the operator << (profile-only; use range_strictly_left())"),
            Map.entry(">>", "the operator >> (profile-only; use range_strictly_right())"));

    /** Typed literals whose storage spelling differs (DATE/TIME/TIMESTAMP literals pass as they are). */
    private static final Set<String> REWRITTEN_LITERALS = Set.of(
            "TIMESTAMPTZ", "TIMESTAMP_TZ", "INTERVAL", "UUID", "JSON", "JSONB", "XML", "VECTOR", "INT4RANGE",
            "INT8RANGE", "NUMRANGE", "TSRANGE", "TSTZRANGE", "DATERANGE");

    private final TokenList in;
    private final SchemaDirectory schemas;
    private final List<StorageDomain> domains;

    private ExpressionRewriter(TokenList in, SchemaDirectory schemas, List<StorageDomain> domains) {
        this.in = in;
        this.schemas = schemas;
        this.domains = domains;
    }

    /** Rewrites every expression in {@code tokens}; domains the casts need are added to {@code domains}. */
    static List<SqlToken> rewrite(TokenList tokens, SchemaDirectory schemas, List<StorageDomain> domains)
            throws EngineException {
        return new ExpressionRewriter(tokens, schemas, domains).range(0, tokens.size());
    }

    private List<SqlToken> range(int from, int to) throws EngineException {
        List<SqlToken> out = new ArrayList<>();
        int i = from;
        while (i < to) {
            i = step(out, i);
        }
        return out;
    }

    /** Translates the construct starting at {@code i} into {@code out}; returns the next index. */
    private int step(List<SqlToken> out, int i) throws EngineException {
        SqlToken t = in.get(i);
        switch (t.kind()) {
            case UNTERMINATED:
                throw SqlErrors.syntax("unterminated " + describeUnterminated(t), t.start());
            case DOLLAR_STRING:
                out.add(SqlToken.raw(SqlLiterals.string(dollarContent(t.text())), t.start()));
                return i + 1;
            case NUMBER:
                if (!t.text().matches("(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
                    throw SqlErrors.unsupported("the numeric literal suffix in " + t.text());
                }
                out.add(t);
                return i + 1;
            case OPERATOR:
                return operator(out, i);
            case WORD:
                return word(out, i);
            case QUOTED_IDENTIFIER:
                return identifierChain(out, i);
            default:
                out.add(t);
                return i + 1;
        }
    }

    private static String describeUnterminated(SqlToken t) {
        return switch (t.text().charAt(0)) {
            case '\'', 'X', 'x', 'N', 'n' -> "quoted string";
            case '"' -> "quoted identifier";
            case '$' -> "dollar-quoted string";
            default -> "/* comment";
        };
    }

    private static String dollarContent(String text) {
        int tagEnd = text.indexOf('$', 1) + 1;
        return text.substring(tagEnd, text.length() - tagEnd);
    }

    private int operator(List<SqlToken> out, int i) throws EngineException {
        SqlToken t = in.get(i);
        String refusal = REFUSED_OPERATORS.get(t.text());
        if (refusal != null) {
            throw SqlErrors.unsupported(refusal);
        }
        switch (t.text()) {
            case "::" -> {
                List<SqlToken> operand = takePrimary(out, t);
                SbTypeParser.Parsed type = SbTypeParser.parse(in, i + 1);
                cast(out, operand, type.type(), t.start());
                return type.next();
            }
            case "->", "->>" -> {
                List<SqlToken> left = takePrimary(out, t);
                int end = PrimaryScan.endWithCasts(in, i + 1);
                List<SqlToken> right = range(i + 1, end);
                boolean text = t.text().equals("->>");
                List<SqlToken> args = new ArrayList<>(left);
                args.add(new SqlToken(Kind.PUNCTUATION, ",", t.start()));
                args.addAll(right);
                call(out, FunctionCatalog.lookup(text ? "json_get_text" : "json_get"), args, t.start());
                return end;
            }
            default -> {
                out.add(t);
                return i + 1;
            }
        }
    }

    private int word(List<SqlToken> out, int i) throws EngineException {
        SqlToken t = in.get(i);
        SqlToken next = in.get(i + 1);
        boolean qualified = !out.isEmpty() && out.get(out.size() - 1).is(".");
        String upper = t.upper();
        if (!qualified && REWRITTEN_LITERALS.contains(upper) && next.isPlainString()) {
            typedLiteral(out, i);
            return i + 2;
        }
        if (t.isWord("NATURAL") && next.isWordIn("JOIN", "LEFT", "RIGHT", "FULL", "INNER", "CROSS")) {
            throw SqlErrors.syntax("NATURAL JOIN is not SBsql; join with ON or USING", t.start());
        }
        if (t.isWord("DISTINCT") && next.isWord("ON") && in.get(i + 2).is("(")) {
            throw SqlErrors.unsupported("SELECT DISTINCT ON");
        }
        if (!qualified && next.is("(") && !PrimaryScan.KEYWORDS_BEFORE_PARENTHESIS.contains(upper)) {
            return functionCall(out, i);
        }
        if (!qualified && t.isWordIn("CURRENT_USER", "SESSION_USER", "CURRENT_ROLE")) {
            out.add(SqlToken.raw(FunctionCatalog.lookup("current_user").qualifiedAlias() + "()", t.start()));
            return i + 1;
        }
        if (!qualified && t.isWord("CURRENT_CATALOG")) {
            out.add(SqlToken.raw(SqlLiterals.string(SessionFunctions.DATABASE_NAME), t.start()));
            return i + 1;
        }
        return identifierChain(out, i);
    }

    /** An identifier, or a dotted chain resolved against the schema tree; internal schemas cannot be named. */
    private int identifierChain(List<SqlToken> out, int i) throws EngineException {
        if (!out.isEmpty() && out.get(out.size() - 1).is(".")) {
            out.add(in.get(i));
            return i + 1;
        }
        List<SqlToken> parts = new ArrayList<>();
        int j = i;
        parts.add(in.get(j));
        while (in.get(j + 1).is(".") && in.get(j + 2).isIdentifier()) {
            j += 2;
            parts.add(in.get(j));
        }
        int resolvedParts = schemaPrefixLength(parts);
        refuseInternal(parts, Math.max(resolvedParts, 1));
        if (resolvedParts > 0) {
            StringBuilder path = new StringBuilder();
            for (int k = 0; k < resolvedParts; k++) {
                path.append(k == 0 ? "" : ".").append(parts.get(k).identifierName());
            }
            String schema = path.toString().equalsIgnoreCase("information_schema") ? SystemSchemas.INFORMATION_SCHEMA
                    : path.toString();
            out.add(SqlToken.raw(SystemSchemas.quote(schema), parts.get(0).start()));
            for (int k = resolvedParts; k < parts.size(); k++) {
                out.add(new SqlToken(Kind.PUNCTUATION, ".", parts.get(k).start()));
                out.add(parts.get(k));
            }
        } else {
            for (int k = 0; k < parts.size(); k++) {
                if (k > 0) {
                    out.add(new SqlToken(Kind.PUNCTUATION, ".", parts.get(k).start()));
                }
                out.add(parts.get(k));
            }
        }
        return j + 1;
    }

    private static void refuseInternal(List<SqlToken> parts, int schemaParts) throws EngineException {
        if (parts.size() < 2) {
            return;
        }
        StringBuilder path = new StringBuilder();
        for (int k = 0; k < schemaParts; k++) {
            path.append(k == 0 ? "" : ".").append(parts.get(k).identifierName());
        }
        if (SystemSchemas.isInternal(path.toString())) {
            throw new EngineException("42501", SqlErrors.REJECTED,
                    "this schema belongs to the engine and cannot be used", parts.get(0).start() + 1);
        }
    }

    /**
     * How many leading parts of a dotted name form a schema path: {@code information_schema} always
     * (it is redirected), otherwise the longest prefix of two or more parts that names an existing
     * schema and leaves at least one part for the object; 0 when none does (storage resolves it).
     */
    private int schemaPrefixLength(List<SqlToken> parts) {
        if (parts.size() >= 2 && parts.get(0).identifierName().equalsIgnoreCase("information_schema")) {
            return 1;
        }
        for (int k = parts.size() - 1; k >= 2; k--) {
            StringBuilder path = new StringBuilder();
            for (int p = 0; p < k; p++) {
                path.append(p == 0 ? "" : ".").append(parts.get(p).identifierName());
            }
            if (schemas.exists(path.toString())) {
                return k;
            }
        }
        return 0;
    }

    private void typedLiteral(List<SqlToken> out, int i) throws EngineException {
        SqlToken word = in.get(i);
        SqlToken literal = in.get(i + 1);
        switch (word.upper()) {
            case "TIMESTAMPTZ", "TIMESTAMP_TZ" ->
                    out.add(SqlToken.raw("TIMESTAMP WITH TIME ZONE " + literal.text(), word.start()));
            case "INTERVAL" -> {
                if (in.get(i + 2).isWordIn("YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND")) {
                    out.add(word);
                    out.add(literal);
                } else {
                    out.add(SqlToken.raw(IntervalLiterals.toStorage(literal.stringValue(), literal.start()), word.start()));
                }
            }
            default -> cast(out, List.of(literal), SbTypeParser.parseWhole(word.text()), word.start());
        }
    }

    /** Emits a cast of {@code operand} to {@code type} the way its storage needs. */
    private void cast(List<SqlToken> out, List<SqlToken> operand, DeclaredType type, int at) {
        if (type.domain() != null && !domains.contains(type.domain())) {
            domains.add(type.domain());
        }
        String name = type.reported().name();
        if (SbTypes.isRange(type.reported())) {
            List<SqlToken> args = new ArrayList<>(operand);
            args.add(new SqlToken(Kind.PUNCTUATION, ",", at));
            args.add(SqlToken.raw(SqlLiterals.string(name), at));
            List<SqlToken> rangeCast = new ArrayList<>();
            call(rangeCast, FunctionCatalog.lookup("range_cast"), args, at);
            castToStorage(out, rangeCast, SbTypes.rangeStorage(type.reported()), at);
            return;
        }
        boolean asDocument = name.equals("jsonb");
        if (asDocument) {
            out.add(new SqlToken(Kind.PUNCTUATION, "(", at));
        }
        castToStorage(out, operand, type.storage(), at);
        if (asDocument) {
            out.add(SqlToken.raw("FORMAT JSON", at));
            out.add(new SqlToken(Kind.PUNCTUATION, ")", at));
        }
    }

    private static void castToStorage(List<SqlToken> out, List<SqlToken> operand, String storage, int at) {
        out.add(SqlToken.raw("CAST", at));
        out.add(new SqlToken(Kind.PUNCTUATION, "(", at));
        out.addAll(operand);
        out.add(SqlToken.raw("AS " + storage, at));
        out.add(new SqlToken(Kind.PUNCTUATION, ")", at));
    }

    /**
     * Emits a call of a library function with already translated arguments: documents wrapped so
     * they nest as JSON, continuous ranges put on their storage type.
     */
    private static void call(List<SqlToken> out, FunctionCatalog.Entry fn, List<SqlToken> args, int at) {
        if (fn.returns() != null && SbTypes.isContinuousRange(fn.returns())) {
            List<SqlToken> plain = new ArrayList<>();
            emitCall(plain, fn, args, at);
            castToStorage(out, plain, SbTypes.CONTINUOUS_RANGE_STORAGE, at);
        } else {
            emitCall(out, fn, args, at);
        }
    }

    private static void emitCall(List<SqlToken> out, FunctionCatalog.Entry fn, List<SqlToken> args, int at) {
        boolean document = fn.kind() != FunctionCatalog.Kind.SCALAR;
        if (document) {
            out.add(new SqlToken(Kind.PUNCTUATION, "(", at));
        }
        out.add(SqlToken.raw(fn.qualifiedAlias(), at));
        out.add(new SqlToken(Kind.PUNCTUATION, "(", at));
        out.addAll(args);
        out.add(new SqlToken(Kind.PUNCTUATION, ")", at));
        if (document) {
            out.add(SqlToken.raw("FORMAT JSON", at));
            out.add(new SqlToken(Kind.PUNCTUATION, ")", at));
        }
    }

    private int functionCall(List<SqlToken> out, int i) throws EngineException {
        SqlToken name = in.get(i);
        String lower = name.text().toLowerCase(Locale.ROOT);
        int open = i + 1;
        int close = in.matching(open);
        if (BLOCKED_FUNCTIONS.contains(name.upper())) {
            throw new EngineException("42883", SqlErrors.NOT_FOUND, "function " + lower + " does not exist", name.start() + 1);
        }
        switch (lower) {
            case "cast" -> {
                return castFunction(out, i, close);
            }
            case "try_cast", "safe_cast" -> throw SqlErrors.unsupported(name.text().toUpperCase(Locale.ROOT));
            case "nextval", "currval" -> {
                out.add(SqlToken.raw((lower.equals("nextval") ? "NEXT VALUE FOR " : "CURRENT VALUE FOR ")
                        + sequenceName(name, open, close), name.start()));
                return close + 1;
            }
            case "setval", "lastval" -> throw SqlErrors.unsupported(lower + "()");
            case "now", "transaction_timestamp", "statement_timestamp", "clock_timestamp" -> {
                requireNoArguments(name, open, close);
                out.add(SqlToken.raw("CURRENT_TIMESTAMP", name.start()));
                return close + 1;
            }
            case "gen_random_uuid", "uuid_generate_v4" -> {
                requireNoArguments(name, open, close);
                out.add(SqlToken.raw("RANDOM_UUID()", name.start()));
                return close + 1;
            }
            case "json_value", "json_query", "json_exists" -> {
                return sqlJsonFunction(out, i, close);
            }
            default -> {
                FunctionCatalog.Entry fn = FunctionCatalog.lookup(lower);
                if (fn == null) {
                    out.add(name);
                    return i + 1;
                }
                List<SqlToken> args = range(open + 1, close);
                if (fn.kind() == FunctionCatalog.Kind.JSON_AGGREGATE && in.get(close + 1).isWordIn("OVER", "FILTER")) {
                    out.add(SqlToken.raw(fn.qualifiedAlias(), name.start()));
                    out.add(in.get(open));
                    out.addAll(args);
                    out.add(in.get(close));
                } else {
                    call(out, fn, args, name.start());
                }
                return close + 1;
            }
        }
    }

    private void requireNoArguments(SqlToken name, int open, int close) throws EngineException {
        if (close != open + 1) {
            throw new EngineException("42883", SqlErrors.NOT_FOUND,
                    "function " + name.text().toLowerCase(Locale.ROOT) + " with arguments does not exist", name.start() + 1);
        }
    }

    /** {@code nextval('s')}: the literal names a (possibly qualified) sequence. */
    private String sequenceName(SqlToken name, int open, int close) throws EngineException {
        SqlToken arg = in.get(open + 1);
        if (close != open + 2 || !arg.isPlainString()) {
            throw SqlErrors.unsupported(name.text().toLowerCase(Locale.ROOT) + "() with a sequence name that is not a literal");
        }
        TokenList nameTokens = TokenList.of(arg.stringValue());
        for (SqlToken part : nameTokens.all()) {
            if (!part.isIdentifier() && !part.is(".")) {
                throw new EngineException("42P01", SqlErrors.NOT_FOUND,
                        "relation \"" + arg.stringValue() + "\" does not exist", arg.start() + 1);
            }
        }
        List<SqlToken> resolved = new ArrayList<>();
        new ExpressionRewriter(nameTokens, schemas, domains).identifierChain(resolved, 0);
        return SqlRenderer.render(resolved).sql();
    }

    private int castFunction(List<SqlToken> out, int i, int close) throws EngineException {
        int as = in.findTopLevelWord(i + 2, close, "AS");
        if (as < 0) {
            throw SqlErrors.syntaxAt(in.get(close));
        }
        List<SqlToken> operand = range(i + 2, as);
        SbTypeParser.Parsed type = SbTypeParser.parse(in, as + 1);
        if (type.next() != close) {
            throw SqlErrors.syntaxAt(in.get(type.next()));
        }
        cast(out, operand, type.type(), in.get(i).start());
        return close + 1;
    }

    /**
     * JSON_VALUE / JSON_QUERY / JSON_EXISTS with their SQL/JSON clauses: {@code RETURNING type} of
     * JSON_VALUE is honoured by a cast; other clauses (PASSING, ON EMPTY, ON ERROR, WRAPPER) are refused.
     */
    private int sqlJsonFunction(List<SqlToken> out, int i, int close) throws EngineException {
        SqlToken name = in.get(i);
        String lower = name.text().toLowerCase(Locale.ROOT);
        int returning = in.findTopLevelWord(i + 2, close, "RETURNING");
        int clause = in.findTopLevelWord(i + 2, close, "PASSING", "ERROR", "EMPTY", "WRAPPER", "KEEP", "OMIT");
        if (clause >= 0 || returning >= 0 && !lower.equals("json_value")) {
            throw SqlErrors.unsupported(lower.toUpperCase(Locale.ROOT) + " with the "
                    + in.get(clause >= 0 ? clause : returning).upper() + " clause");
        }
        int argsEnd = returning >= 0 ? returning : close;
        List<SqlToken> args = range(i + 2, argsEnd);
        List<SqlToken> call = new ArrayList<>();
        call(call, FunctionCatalog.lookup(lower), args, name.start());
        if (returning < 0) {
            out.addAll(call);
            return close + 1;
        }
        SbTypeParser.Parsed type = SbTypeParser.parse(in, returning + 1);
        if (type.next() != close) {
            throw SqlErrors.syntaxAt(in.get(type.next()));
        }
        cast(out, call, type.type(), name.start());
        return close + 1;
    }

    /** Removes the operand just before an operator from {@code out} and returns it. */
    private static List<SqlToken> takePrimary(List<SqlToken> out, SqlToken operator) throws EngineException {
        int start = PrimaryScan.startOfLast(out);
        if (start < 0) {
            throw SqlErrors.syntaxAt(operator);
        }
        List<SqlToken> operand = new ArrayList<>(out.subList(start, out.size()));
        out.subList(start, out.size()).clear();
        return operand;
    }
}
