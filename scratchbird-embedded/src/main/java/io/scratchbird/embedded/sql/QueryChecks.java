package io.scratchbird.embedded.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * The SBsql grammar of pagination and locking reads (SQL-DIALECT.md sections 5 and 13):
 * {@code LIMIT n [OFFSET m]} or {@code FETCH FIRST n ROWS ONLY}, never a stand-alone
 * {@code OFFSET} or {@code OFFSET … ROWS}; {@code FOR UPDATE [OF …] [NOWAIT | NO WAIT | SKIP LOCKED |
 * WAIT n]}, never FOR SHARE. {@code NO WAIT} is respelled {@code NOWAIT}.
 */
final class QueryChecks {

    /** The checked tokens and whether a locking read asks not to wait. */
    record Checked(List<SqlToken> tokens, boolean noWait) {
    }

    private QueryChecks() {
    }

    static Checked check(TokenList in) throws EngineException {
        List<SqlToken> out = new ArrayList<>(in.size());
        boolean noWait = false;
        for (int i = 0; i < in.size(); i++) {
            SqlToken t = in.get(i);
            if (t.isWord("OFFSET")) {
                offset(in, i);
            } else if (t.isWord("FETCH") && in.get(i + 1).isWordIn("FIRST", "NEXT")) {
                fetch(in, i);
            } else if (t.isWord("FOR") && !in.get(i - 1).isWord("VALUE")) {
                SqlToken next = in.get(i + 1);
                if (next.isWordIn("SHARE", "KEY") || next.isWord("NO") && in.get(i + 2).isWord("KEY")) {
                    String clause = next.isWord("SHARE") ? "FOR SHARE" : next.isWord("KEY") ? "FOR KEY SHARE" : "FOR NO KEY UPDATE";
                    throw SqlErrors.unsupported(clause + " (only FOR UPDATE is)");
                }
            } else if (t.isWord("NO") && in.get(i + 1).isWord("WAIT") && lockingClauseBefore(in, i)) {
                out.add(SqlToken.raw("NOWAIT", t.start()));
                noWait = true;
                i++;
                continue;
            } else if (t.isWord("NOWAIT")) {
                noWait = true;
            }
            out.add(t);
        }
        return new Checked(out, noWait);
    }

    private static boolean lockingClauseBefore(TokenList in, int i) {
        for (int k = i - 1; k >= 0 && !in.get(k).is("(") && !in.get(k).is(")"); k--) {
            if (in.get(k).isWord("UPDATE") && in.get(k - 1).isWord("FOR")) {
                return true;
            }
        }
        return false;
    }

    /** OFFSET must follow a LIMIT of the same query level and must not be {@code OFFSET m ROWS}. */
    private static void offset(TokenList in, int i) throws EngineException {
        SqlToken t = in.get(i);
        int depth = 0;
        boolean limited = false;
        for (int k = i - 1; k >= 0; k--) {
            SqlToken p = in.get(k);
            if (p.is(")")) {
                depth++;
            } else if (p.is("(")) {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (depth == 0 && p.isWord("LIMIT")) {
                limited = true;
                break;
            } else if (depth == 0 && p.isWord("SELECT")) {
                break;
            }
        }
        int valueEnd = i + 2;
        if (in.get(i + 1).is("(")) {
            valueEnd = in.matching(i + 1) + 1;
        }
        if (in.get(valueEnd).isWordIn("ROW", "ROWS")) {
            throw SqlErrors.syntax("OFFSET … ROWS is not SBsql; write LIMIT n OFFSET m", t.start());
        }
        if (!limited) {
            throw SqlErrors.syntax("OFFSET without LIMIT is not SBsql; write LIMIT n OFFSET m", t.start());
        }
    }

    private static void fetch(TokenList in, int i) throws EngineException {
        for (int k = i + 2; k < Math.min(in.size(), i + 8); k++) {
            SqlToken t = in.get(k);
            if (t.isWord("PERCENT")) {
                throw SqlErrors.unsupported("FETCH FIRST … PERCENT");
            }
            if (t.isWord("TIES")) {
                throw SqlErrors.unsupported("FETCH FIRST … WITH TIES");
            }
            if (t.isWord("ONLY")) {
                return;
            }
        }
    }
}
