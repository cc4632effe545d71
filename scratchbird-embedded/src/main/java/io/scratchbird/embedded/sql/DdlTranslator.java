package io.scratchbird.embedded.sql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Structural translation of DDL (SQL-DIALECT.md sections 3 and 8): column types with SBsql
 * meanings; constraints without a name get PostgreSQL's names ({@code t_pkey}, {@code t_email_key},
 * {@code t_col_fkey}, {@code t_col_check}) so violation messages name them; {@code TEMP} tables are
 * session-local; index methods are accepted and recorded (the index itself is an ordinary one, except
 * HNSW indexes, which exist in the engine's catalog only: see {@link IndexDdl}); sequence options take
 * SBsql's {@code SET} prefix; schema paths are single storage schemas.
 * Statements that would reach storage internals (aliases, triggers, users, linked tables) are refused.
 */
final class DdlTranslator {

    /** Index methods SBsql names; every one but HNSW is built as an ordinary (exact) index. */
    private static final Set<String> INDEX_METHODS = Set.of(
            "BTREE", "HASH", "BITMAP", "GIN", "GIST", "SPGIST", "SPATIAL", "RTREE", "HNSW", "VECTOR_EXACT",
            "VECTOR_HNSW", "VECTOR_IVF", "FULLTEXT", "FULL_TEXT", "INVERTED", "NGRAM", "BRIN");

    /**
     * @param tokens          the statement with types and structure translated
     * @param followUps       storage statements to run after it succeeds (catalog bookkeeping)
     * @param changesSchemas  whether it creates, renames or drops a schema
     * @param indexDdl        what it means for the index catalog (null when nothing)
     */
    record Result(List<SqlToken> tokens, List<String> followUps, boolean changesSchemas, IndexDdl indexDdl) {
    }

    private final TokenList in;
    private final List<StorageDomain> domains;
    private final List<SqlToken> out = new ArrayList<>();
    private final List<String> followUps = new ArrayList<>();
    private final Set<String> constraintNames = new HashSet<>();
    private boolean changesSchemas;
    private IndexDdl indexDdl;

    private DdlTranslator(TokenList in, List<StorageDomain> domains) {
        this.in = in;
        this.domains = domains;
    }

    static Result translate(TokenList in, List<StorageDomain> domains) throws EngineException {
        DdlTranslator t = new DdlTranslator(in, domains);
        t.run();
        return new Result(t.out, t.followUps, t.changesSchemas, t.indexDdl);
    }

    private void run() throws EngineException {
        SqlToken verb = in.get(0);
        switch (verb.upper()) {
            case "CREATE" -> create();
            case "ALTER" -> alter();
            case "DROP" -> drop();
            case "TRUNCATE" -> truncate();
            case "COMMENT" -> out.addAll(in.all());
            case "RENAME" -> renameTable();
            default -> throw SqlErrors.unsupported(verb.upper());
        }
    }

    private void create() throws EngineException {
        int i = 1;
        boolean orReplace = in.wordsAt(i, "OR", "REPLACE");
        if (orReplace) {
            i += 2;
        }
        SqlToken what = in.get(i);
        if (what.isWordIn("GLOBAL", "LOCAL", "TEMPORARY", "TEMP", "UNLOGGED") || what.isWord("TABLE")) {
            if (orReplace) {
                throw SqlErrors.unsupported("CREATE OR REPLACE TABLE");
            }
            createTable(i);
        } else if (what.isWord("UNIQUE") || what.isWord("INDEX")) {
            createIndex(i);
        } else if (what.isWord("SEQUENCE")) {
            sequence(i + 1, true);
        } else if (what.isWord("SCHEMA")) {
            schema(i + 1, "CREATE SCHEMA");
        } else if (what.isWord("VIEW")) {
            view(i + 1);
        } else {
            String construct = what.isWord("MATERIALIZED") || what.isWord("RECURSIVE") || what.isWord("VECTOR")
                    ? what.upper() + " " + in.get(i + 1).upper() : what.upper();
            throw SqlErrors.unsupported("CREATE " + construct);
        }
    }

    /** A view's query gets the labels a query would get, so its columns are not named after expressions. */
    private void view(int i) throws EngineException {
        targetEnd(in.wordsAt(i, "IF", "NOT", "EXISTS") ? i + 3 : i);
        int as = in.findTopLevelWord(i, in.size(), "AS");
        if (as < 0 || !in.get(as + 1).isWordIn("SELECT", "WITH", "VALUES")) {
            out.addAll(in.all());
            return;
        }
        out.addAll(in.slice(0, as + 1));
        out.addAll(QueryShape.of(in.with(in.slice(as + 1, in.size()))).tokens());
    }

    // ---------------------------------------------------------------- tables

    private void createTable(int i) throws EngineException {
        out.add(in.get(0));
        boolean temporary = false;
        boolean global = false;
        while (!in.get(i).isWord("TABLE")) {
            SqlToken m = in.get(i);
            if (m.isWordIn("TEMPORARY", "TEMP")) {
                temporary = true;
            } else if (m.isWord("GLOBAL")) {
                global = true;
            } else if (!m.isWordIn("LOCAL", "UNLOGGED")) {
                throw SqlErrors.syntaxAt(m);
            }
            i++;
        }
        if (temporary) {
            out.add(SqlToken.raw(global ? "GLOBAL TEMPORARY" : "LOCAL TEMPORARY", in.get(1).start()));
        }
        out.add(in.get(i++));
        if (in.wordsAt(i, "IF", "NOT", "EXISTS")) {
            out.addAll(in.slice(i, i + 3));
            i += 3;
        }
        int nameStart = i;
        i = targetEnd(i);
        out.addAll(in.slice(nameStart, i));
        String table = in.get(i - 1).identifierName();
        if (!in.get(i).is("(")) {
            out.addAll(in.slice(i, in.size()));
            return;
        }
        int close = in.matching(i);
        out.add(in.get(i));
        List<int[]> elements = in.splitTopLevel(i + 1, close);
        for (int e = 0; e < elements.size(); e++) {
            if (e > 0) {
                out.add(in.get(elements.get(e)[0] - 1));
            }
            element(table, elements.get(e)[0], elements.get(e)[1]);
        }
        out.add(in.get(close));
        tableOptions(close + 1);
        if (temporary && !global && !hasWordAfter(close, "AS")) {
            // SBsql DDL is transactional (SQL-DIALECT.md §6): creating a session's temporary table must
            // not commit the open transaction, which storage does unless told otherwise.
            out.add(SqlToken.raw("TRANSACTIONAL", in.get(in.size() - 1).start()));
        }
    }

    private boolean hasWordAfter(int from, String word) {
        for (int k = from; k < in.size(); k++) {
            if (in.get(k).isWord(word)) {
                return true;
            }
        }
        return false;
    }

    /** ON COMMIT PRESERVE ROWS is storage's default; the rest passes. */
    private void tableOptions(int from) {
        for (int k = from; k < in.size(); k++) {
            if (in.wordsAt(k, "ON", "COMMIT", "PRESERVE", "ROWS")) {
                k += 3;
                continue;
            }
            out.add(in.get(k));
        }
    }

    /** A qualified name whose schema is a system one may not be created, changed or dropped. */
    private void refuseSystemTarget(int nameStart, int nameEnd) throws EngineException {
        if (nameEnd - nameStart < 3) {
            return;
        }
        StringBuilder path = new StringBuilder();
        for (int k = nameStart; k < nameEnd - 2; k += 2) {
            path.append(k == nameStart ? "" : ".").append(in.get(k).identifierName());
        }
        if (SystemSchemas.isSystem(path.toString()) || path.toString().equalsIgnoreCase("information_schema")) {
            throw new EngineException("42501", SqlErrors.REJECTED,
                    "objects in the system schema \"" + path + "\" cannot be created, changed or dropped", in.get(nameStart).start() + 1);
        }
    }

    /** {@link #nameEnd}, refusing a name in a system schema. */
    private int targetEnd(int i) throws EngineException {
        int end = nameEnd(i);
        refuseSystemTarget(i, end);
        return end;
    }

    private int nameEnd(int i) throws EngineException {
        if (!in.get(i).isIdentifier()) {
            throw SqlErrors.syntaxAt(in.get(i));
        }
        while (in.get(i + 1).is(".") && in.get(i + 2).isIdentifier()) {
            i += 2;
        }
        return i + 1;
    }

    /** One element of a column list: a table constraint or a column definition. */
    private void element(String table, int a, int b) throws EngineException {
        SqlToken first = in.get(a);
        if (first.isWordIn("EXCLUDE", "LIKE")) {
            throw SqlErrors.unsupported("CREATE TABLE … " + first.upper());
        }
        if (first.isWordIn("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN")) {
            tableConstraint(table, a, b);
        } else {
            column(table, a, b);
        }
    }

    private void tableConstraint(String table, int a, int b) {
        SqlToken first = in.get(a);
        if (!first.isWord("CONSTRAINT")) {
            String suffix = switch (first.upper()) {
                case "PRIMARY" -> "pkey";
                case "UNIQUE" -> columnsOf(a, b) + "_key";
                case "FOREIGN" -> columnsOf(a, b) + "_fkey";
                default -> "check";
            };
            nameConstraint(table + "_" + suffix, first.start());
        }
        out.addAll(in.slice(a, b));
    }

    /** The column names of the first parenthesised list in [a, b), joined with {@code _}. */
    private String columnsOf(int a, int b) {
        int open = in.findTopLevel(a, b, t -> t.is("("));
        if (open < 0) {
            return "";
        }
        StringBuilder names = new StringBuilder();
        for (SqlToken t : in.slice(open + 1, in.matching(open))) {
            if (t.isIdentifier() && !t.isWordIn("ASC", "DESC")) {
                names.append(names.length() == 0 ? "" : "_").append(t.identifierName());
            }
        }
        return names.toString();
    }

    private void nameConstraint(String wanted, int at) {
        String name = wanted;
        for (int n = 1; !constraintNames.add(name.toLowerCase(Locale.ROOT)); n++) {
            name = wanted + n;
        }
        out.add(SqlToken.raw("CONSTRAINT " + SystemSchemas.quote(name), at));
    }

    /** {@code name type [constraints]}: the type resolved, unnamed constraints named. */
    private void column(String table, int a, int b) throws EngineException {
        SqlToken name = in.get(a);
        if (!name.isIdentifier()) {
            throw SqlErrors.syntaxAt(name);
        }
        out.add(name);
        int k = type(a + 1);
        String prefix = table + "_" + name.identifierName();
        boolean named = false;
        while (k < b) {
            SqlToken t = in.get(k);
            if (t.isWord("CONSTRAINT")) {
                out.addAll(in.slice(k, k + 2));
                named = true;
                k += 2;
                continue;
            }
            if (t.isWord("COLLATE")) {
                throw SqlErrors.unsupported("COLLATE on a column");
            }
            if (t.isWordIn("STORED", "VIRTUAL") && in.get(k - 1).is(")")) {
                k++;
                continue;
            }
            if (!named) {
                String suffix = t.isWord("PRIMARY") ? "pkey" : t.isWord("UNIQUE") ? "key"
                        : t.isWord("REFERENCES") ? "fkey" : t.isWord("CHECK") ? "check" : null;
                if (suffix != null) {
                    nameConstraint(suffix.equals("pkey") ? table + "_pkey" : prefix + "_" + suffix, t.start());
                }
            }
            named = false;
            int end = t.is("(") ? in.matching(k) + 1 : k + 1;
            out.addAll(in.slice(k, end));
            k = end;
        }
    }

    /** Translates the type at {@code i}; returns the index after it. */
    private int type(int i) throws EngineException {
        SbTypeParser.Parsed parsed = SbTypeParser.parse(in, i);
        DeclaredType type = parsed.type();
        if (type.domain() != null && !domains.contains(type.domain())) {
            domains.add(type.domain());
        }
        out.add(SqlToken.raw(type.storage(), in.get(i).start()));
        return parsed.next();
    }

    private void alter() throws EngineException {
        SqlToken what = in.get(1);
        if (what.isWord("SEQUENCE")) {
            sequence(2, false);
            return;
        }
        if (what.isWord("SCHEMA")) {
            schema(2, "ALTER SCHEMA");
            return;
        }
        if (what.isWord("INDEX")) {
            renameIndex();
            out.addAll(in.all());
            return;
        }
        if (!what.isWord("TABLE")) {
            throw SqlErrors.unsupported("ALTER " + what.upper());
        }
        int i = 2;
        out.addAll(in.slice(0, 2));
        if (in.wordsAt(i, "IF", "EXISTS")) {
            out.addAll(in.slice(i, i + 2));
            i += 2;
        }
        int nameStart = i;
        i = targetEnd(i);
        out.addAll(in.slice(nameStart, i));
        String table = in.get(i - 1).identifierName();
        if (in.findTopLevel(i, in.size(), t -> t.is(",")) >= 0) {
            throw SqlErrors.unsupported("ALTER TABLE with several actions (send one action per statement)");
        }
        renames(qualifierOf(nameStart, i), table, i);
        alterAction(table, i);
    }

    private void alterAction(String table, int i) throws EngineException {
        SqlToken action = in.get(i);
        if (action.isWord("ADD")) {
            int k = i + 1;
            out.add(action);
            if (in.get(k).isWordIn("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN")) {
                tableConstraint(table, k, in.size());
                return;
            }
            if (in.get(k).isWord("COLUMN")) {
                out.add(in.get(k++));
            }
            if (in.wordsAt(k, "IF", "NOT", "EXISTS")) {
                out.addAll(in.slice(k, k + 3));
                k += 3;
            }
            column(table, k, in.size());
            return;
        }
        if (action.isWord("ALTER")) {
            int k = i + 1;
            if (in.get(k).isWord("COLUMN")) {
                k++;
            }
            SqlToken column = in.get(k);
            int typeAt = in.wordsAt(k + 1, "SET", "DATA", "TYPE") ? k + 4 : in.get(k + 1).isWord("TYPE") ? k + 2 : -1;
            out.add(SqlToken.raw("ALTER COLUMN", action.start()));
            out.add(column);
            if (typeAt < 0) {
                out.addAll(in.slice(k + 1, in.size()));
                return;
            }
            out.add(SqlToken.raw("SET DATA TYPE", in.get(k + 1).start()));
            int after = type(typeAt);
            if (in.get(after).isWord("USING")) {
                throw SqlErrors.unsupported("ALTER COLUMN … TYPE … USING");
            }
            out.addAll(in.slice(after, in.size()));
            return;
        }
        out.addAll(in.slice(i, in.size()));
    }

    private void renameTable() throws EngineException {
        if (!in.get(1).isWord("TABLE")) {
            throw SqlErrors.unsupported("RENAME " + in.get(1).upper());
        }
        out.add(SqlToken.raw("ALTER TABLE", in.get(0).start()));
        int to = in.findTopLevelWord(2, in.size(), "TO");
        if (to < 0) {
            throw SqlErrors.syntax("RENAME TABLE needs TO", in.get(in.size() - 1).end());
        }
        out.addAll(in.slice(2, to));
        if (to > 2 && in.get(to - 1).isIdentifier() && in.get(to + 1).isIdentifier()) {
            indexDdl = new IndexDdl.RenameTable(qualifierOf(2, to), in.get(to - 1).identifierName(),
                    in.get(nameEnd(to + 1) - 1).identifierName());
        }
        out.add(SqlToken.raw("RENAME TO", in.get(to).start()));
        out.addAll(in.slice(to + 1, in.size()));
    }

    private void drop() throws EngineException {
        SqlToken what = in.get(1);
        if (what.isWord("SCHEMA")) {
            schema(2, "DROP SCHEMA");
            return;
        }
        if (!what.isWordIn("TABLE", "VIEW", "INDEX", "SEQUENCE")) {
            throw SqlErrors.unsupported("DROP " + what.upper());
        }
        if (what.isWord("INDEX")) {
            int k = in.wordsAt(2, "IF", "EXISTS") ? 4 : 2;
            if (in.get(k).isIdentifier()) {
                int end = nameEnd(k);
                if (atEnd(end)) {
                    indexDdl = new IndexDdl.DropIndex(qualifierOf(k, end), in.get(end - 1).identifierName(), k == 4);
                }
            }
        }
        for (int k = 2; k < in.size(); k++) {
            if (in.get(k).isIdentifier() && !in.get(k - 1).is(".") && !in.get(k).isWordIn("IF", "EXISTS", "CASCADE", "RESTRICT")) {
                k = targetEnd(k) - 1;
            }
        }
        out.addAll(in.all());
    }

    private void truncate() throws EngineException {
        int i = 1;
        out.add(in.get(0));
        out.add(SqlToken.raw("TABLE", in.get(0).start()));
        if (in.get(i).isWord("TABLE")) {
            i++;
        }
        int end = targetEnd(i);
        out.addAll(in.slice(i, end));
        for (int k = end; k < in.size(); k++) {
            SqlToken t = in.get(k);
            if (t.is(",")) {
                throw SqlErrors.unsupported("TRUNCATE of several tables in one statement");
            }
            if (t.isWord("CASCADE")) {
                throw SqlErrors.unsupported("TRUNCATE … CASCADE");
            }
            if (!t.isWord("RESTRICT")) {
                out.add(t);
            }
        }
    }

    // ---------------------------------------------------------------- indexes

    private void createIndex(int i) throws EngineException {
        boolean unique = in.get(i).isWord("UNIQUE");
        out.add(in.get(0));
        if (unique) {
            out.add(in.get(i++));
        }
        out.add(in.get(i++));
        if (in.get(i).isWord("CONCURRENTLY")) {
            i++;
        }
        boolean ifNotExists = in.wordsAt(i, "IF", "NOT", "EXISTS");
        if (ifNotExists) {
            i += 3;
        }
        SqlToken name = in.get(i).isWord("ON") ? null : in.get(i++);
        if (!in.get(i).isWord("ON")) {
            throw SqlErrors.syntaxAt(in.get(i));
        }
        int tableStart = i + 1;
        int tableEnd = targetEnd(tableStart);
        int k = tableEnd;
        String method = "btree";
        if (in.get(k).isWord("USING")) {
            SqlToken m = in.get(k + 1);
            if (!INDEX_METHODS.contains(m.upper())) {
                throw SqlErrors.unsupported("index method " + m.text());
            }
            method = m.text().toLowerCase(Locale.ROOT);
            k += 2;
        }
        if (!in.get(k).is("(")) {
            throw SqlErrors.syntaxAt(in.get(k));
        }
        int close = in.matching(k);
        List<String> columnNames = new ArrayList<>();
        List<SqlToken> columns = indexColumns(k, close, columnNames);
        String indexName = name != null ? name.identifierName()
                : in.get(tableEnd - 1).identifierName() + "_" + String.join("_", columnNames) + "_idx";
        if (ifNotExists) {
            out.add(SqlToken.raw("IF NOT EXISTS", in.get(i).start()));
        }
        out.add(name != null ? name : SqlToken.raw(SystemSchemas.quote(indexName), in.get(i).start()));
        out.addAll(in.slice(i, tableEnd));
        out.add(in.get(k));
        out.addAll(columns);
        out.add(in.get(close));
        indexOptions(close + 1, unique);
        String schema = qualifierOf(tableStart, tableEnd);
        String table = in.get(tableEnd - 1).identifierName();
        indexDdl = !unique && columnNames.size() == 1 && (method.equals("hnsw") || method.equals("vector_hnsw"))
                ? new IndexDdl.CreateVectorIndex(schema, table, columnNames.get(0), indexName, method, ifNotExists)
                : new IndexDdl.CreateIndex(schema, table, indexName, ifNotExists);
        followUps.add("MERGE INTO " + SystemSchemas.qualified(SystemSchemas.META, "index_methods")
                + " (schema_name, index_name, method) KEY (schema_name, index_name) VALUES (" + schemaOf(tableStart, tableEnd) + ", "
                + SqlLiterals.string(indexName) + ", " + SqlLiterals.string(method) + ")");
    }

    /** Index items: {@code col [opclass] [ASC|DESC] [NULLS FIRST|LAST]}; operator classes are dropped. */
    private List<SqlToken> indexColumns(int open, int close, List<String> names) throws EngineException {
        List<SqlToken> cols = new ArrayList<>();
        for (int[] item : in.splitTopLevel(open + 1, close)) {
            if (!cols.isEmpty()) {
                cols.add(in.get(item[0] - 1));
            }
            SqlToken column = in.get(item[0]);
            if (!column.isIdentifier() || in.get(item[0] + 1).is("(") || in.get(item[0] + 1).is(".")) {
                throw SqlErrors.unsupported("an index on an expression");
            }
            names.add(column.identifierName());
            cols.add(column);
            int k = item[0] + 1;
            if (k < item[1] && in.get(k).isIdentifier() && !in.get(k).isWordIn("ASC", "DESC", "NULLS")) {
                k++;
            }
            for (; k < item[1]; k++) {
                SqlToken t = in.get(k);
                if (!t.isWordIn("ASC", "DESC", "NULLS", "FIRST", "LAST")) {
                    throw SqlErrors.syntaxAt(t);
                }
                cols.add(t);
            }
        }
        return cols;
    }

    /** INCLUDE is dropped (no effect on results); a partial index is built over all rows unless unique. */
    private void indexOptions(int from, boolean unique) throws EngineException {
        int k = from;
        while (k < in.size()) {
            SqlToken t = in.get(k);
            if (t.isWord("INCLUDE") && in.get(k + 1).is("(")) {
                k = in.matching(k + 1) + 1;
            } else if (t.isWord("WITH") && in.get(k + 1).is("(")) {
                throw SqlErrors.syntax("index build parameters (WITH (…)) are not SBsql", t.start());
            } else if (t.isWord("WHERE")) {
                if (unique) {
                    throw SqlErrors.unsupported("a partial unique index");
                }
                return;
            } else {
                throw SqlErrors.syntaxAt(t);
            }
        }
    }

    /** The storage schema a table name refers to (all parts but the last, or the current one), as SQL. */
    private String schemaOf(int nameStart, int nameEnd) {
        String path = qualifierOf(nameStart, nameEnd);
        return path == null ? "CURRENT_SCHEMA" : SqlLiterals.string(path);
    }

    /** The schema path of a name (all parts but the last, as written), or null when it has one part. */
    private String qualifierOf(int nameStart, int nameEnd) {
        if (nameEnd - nameStart < 3) {
            return null;
        }
        StringBuilder path = new StringBuilder();
        for (int k = nameStart; k < nameEnd - 2; k += 2) {
            path.append(k == nameStart ? "" : ".").append(in.get(k).identifierName());
        }
        return path.toString();
    }

    /** Whether the statement ends at {@code k} (a trailing semicolon allowed). */
    private boolean atEnd(int k) {
        return in.isEnd(k) || in.get(k).is(";") && in.isEnd(k + 1);
    }

    /** {@code ALTER INDEX [IF EXISTS] name RENAME TO new}: a catalog index is renamed by the engine. */
    private void renameIndex() throws EngineException {
        int k = in.wordsAt(2, "IF", "EXISTS") ? 4 : 2;
        if (!in.get(k).isIdentifier()) {
            return;
        }
        int end = nameEnd(k);
        if (in.wordsAt(end, "RENAME", "TO") && in.get(end + 2).isIdentifier()) {
            int newEnd = nameEnd(end + 2);
            if (atEnd(newEnd)) {
                indexDdl = new IndexDdl.RenameIndex(qualifierOf(k, end), in.get(end - 1).identifierName(),
                        in.get(newEnd - 1).identifierName(), k == 4);
            }
        }
    }

    /**
     * ALTER TABLE actions that rename the table or a column ({@code RENAME TO b}, {@code RENAME [COLUMN]
     * a TO b}, {@code ALTER [COLUMN] a RENAME TO b}): catalog indexes follow them.
     */
    private void renames(String schema, String table, int i) throws EngineException {
        if (in.wordsAt(i, "RENAME", "TO") && in.get(i + 2).isIdentifier()) {
            indexDdl = new IndexDdl.RenameTable(schema, table, in.get(nameEnd(i + 2) - 1).identifierName());
            return;
        }
        int column = -1;
        if (in.get(i).isWord("RENAME")) {
            column = in.get(i + 1).isWord("COLUMN") ? i + 2 : i + 1;
            if (in.get(column).isWordIn("CONSTRAINT", "TO") || !in.get(column + 1).isWord("TO")) {
                return;
            }
        } else if (in.get(i).isWord("ALTER")) {
            int k = in.get(i + 1).isWord("COLUMN") ? i + 2 : i + 1;
            if (in.wordsAt(k + 1, "RENAME", "TO")) {
                column = k;
            }
        }
        if (column >= 0 && in.get(column).isIdentifier()) {
            int to = in.get(column + 1).isWord("TO") ? column + 1 : column + 2;
            if (in.get(to + 1).isIdentifier()) {
                indexDdl = new IndexDdl.RenameColumn(schema, table, in.get(column).identifierName(),
                        in.get(to + 1).identifierName());
            }
        }
    }

    // ---------------------------------------------------------------- sequences and schemas

    /** CREATE/ALTER SEQUENCE: {@code SET} prefixes and {@code OWNED BY} dropped, {@code AS type} resolved. */
    private void sequence(int i, boolean create) throws EngineException {
        targetEnd(in.wordsAt(i, "IF", "NOT", "EXISTS") ? i + 3 : in.wordsAt(i, "IF", "EXISTS") ? i + 2 : i);
        out.addAll(in.slice(0, i));
        while (i < in.size()) {
            SqlToken t = in.get(i);
            if (t.isWord("SET") && !create) {
                i++;
            } else if (t.isWord("OWNED") && in.get(i + 1).isWord("BY")) {
                i = nameEnd(i + 2);
            } else if (t.isWord("AS") && create) {
                out.add(t);
                SbTypeParser.Parsed type = SbTypeParser.parse(in, i + 1);
                if (type.type().domain() != null || !type.type().storage().matches("TINYINT|SMALLINT|INTEGER|BIGINT")) {
                    throw SqlErrors.unsupported("a sequence of type " + type.type().reported().name());
                }
                out.add(SqlToken.raw(type.type().storage(), in.get(i + 1).start()));
                i = type.next();
            } else if (t.isWord("START") && !in.get(i + 1).isWord("WITH")) {
                out.add(SqlToken.raw("START WITH", t.start()));
                i++;
            } else if (t.isWord("INCREMENT") && !in.get(i + 1).isWord("BY")) {
                out.add(SqlToken.raw("INCREMENT BY", t.start()));
                i++;
            } else if (t.isWord("RENAME")) {
                throw SqlErrors.unsupported("ALTER SEQUENCE … RENAME");
            } else {
                out.add(t);
                i++;
            }
        }
    }

    /** CREATE/DROP/ALTER SCHEMA: a dotted path is one storage schema; system branches are protected. */
    private void schema(int i, String statement) throws EngineException {
        changesSchemas = true;
        out.add(SqlToken.raw(statement, in.get(0).start()));
        if (in.wordsAt(i, "IF", "NOT", "EXISTS") || in.wordsAt(i, "IF", "EXISTS")) {
            int n = in.get(i + 1).isWord("NOT") ? 3 : 2;
            out.addAll(in.slice(i, i + n));
            i += n;
        }
        int pathStart = i;
        i = schemaPath(i, !statement.startsWith("CREATE"));
        if (statement.startsWith("ALTER") && in.wordsAt(i, "RENAME", "TO") && in.get(i + 2).isIdentifier()) {
            indexDdl = new IndexDdl.RenameSchema(pathOf(pathStart, i), pathOf(i + 2, nameEnd(i + 2)));
        }
        while (i < in.size()) {
            SqlToken t = in.get(i);
            if (t.isWord("AUTHORIZATION")) {
                i += 2;
            } else if (t.isWord("TO") && statement.startsWith("ALTER")) {
                out.add(t);
                i = schemaPath(i + 1, false);
            } else {
                out.add(t);
                i++;
            }
        }
    }

    private int schemaPath(int i, boolean existing) throws EngineException {
        int end = nameEnd(i);
        String name = pathOf(i, end);
        if (existing && (SystemSchemas.isSystem(name) || name.equalsIgnoreCase(SystemSchemas.DEFAULT_SCHEMA))) {
            throw new EngineException("42501", SqlErrors.REJECTED, "schema \"" + name + "\" is a system schema");
        }
        out.add(SqlToken.raw(SystemSchemas.quote(name), in.get(i).start()));
        return end;
    }

    /** The dotted path of the name in [start, end). */
    private String pathOf(int start, int end) {
        StringBuilder path = new StringBuilder();
        for (int k = start; k < end; k += 2) {
            path.append(k == start ? "" : ".").append(in.get(k).identifierName());
        }
        return path.toString();
    }
}
