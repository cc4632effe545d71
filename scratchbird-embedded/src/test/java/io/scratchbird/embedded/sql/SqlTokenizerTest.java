package io.scratchbird.embedded.sql;

import io.scratchbird.embedded.sql.SqlToken.Kind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SqlTokenizerTest {

    private static List<String> texts(String sql) {
        return SqlTokenizer.significant(sql).stream().map(SqlToken::text).toList();
    }

    private static List<Kind> kinds(String sql) {
        return SqlTokenizer.significant(sql).stream().map(SqlToken::kind).toList();
    }

    @Test
    void stringsKeepDoubledQuotesAndHidePunctuation() {
        List<SqlToken> t = SqlTokenizer.significant("SELECT 'it''s; -- not a comment', X'00ff', N'x'");
        assertEquals(Kind.STRING, t.get(1).kind());
        assertEquals("it's; -- not a comment", t.get(1).stringValue());
        assertEquals("X'00ff'", t.get(3).text());
        assertEquals(Kind.STRING, t.get(5).kind());
    }

    @Test
    void quotedIdentifiersAreExactAndMayContainAnything() {
        SqlToken t = SqlTokenizer.significant("\"a \"\"b\"\" . c;\"").get(0);
        assertEquals(Kind.QUOTED_IDENTIFIER, t.kind());
        assertEquals("a \"b\" . c;", t.identifierName());
    }

    @Test
    void commentsAreTriviaAndBlockCommentsNest() {
        assertEquals(List.of("SELECT", "1", "FROM", "t"), texts("SELECT /* a /* nested */ still */ 1 -- tail\nFROM t"));
        List<SqlToken> all = SqlTokenizer.tokenize("a -- x\nb");
        assertEquals(Kind.COMMENT, all.get(2).kind());
    }

    @Test
    void dollarQuotesAndParameters() {
        assertEquals(List.of(Kind.WORD, Kind.DOLLAR_STRING, Kind.OPERATOR, Kind.DOLLAR_STRING),
                kinds("SELECT $$it's; $1$$ || $tag$ a $$ b $tag$"));
        assertEquals(List.of(Kind.PARAMETER, Kind.PARAMETER, Kind.PARAMETER), kinds("$1 :name ?"));
        assertEquals(List.of("x", "::", "int", ":=", "y"), texts("x::int := y"));
        assertEquals(Kind.WORD, SqlTokenizer.significant("a$b").get(0).kind());
    }

    @Test
    void operatorsAreTakenLongestFirst() {
        assertEquals(List.of("doc", "->>", "'a'", "->", "'b'", "<->", "v", "<=>", "=", "<=", ">=", "<>", "!=", "||", "@>", "?|"),
                texts("doc->>'a'->'b'<->v<=>=<= >=<>!=||@>?|"));
    }

    @Test
    void numbersKeepExponentsAndGluedSuffixes() {
        assertEquals(List.of("1.5e-3", ".5", "123U8", "t", ".", "c"), texts("1.5e-3 .5 123U8 t.c"));
        assertEquals(List.of(Kind.NUMBER, Kind.NUMBER, Kind.NUMBER, Kind.WORD, Kind.PUNCTUATION, Kind.WORD),
                kinds("1.5e-3 .5 123U8 t.c"));
    }

    @Test
    void unterminatedTokensRunToTheEnd() {
        assertEquals(Kind.UNTERMINATED, SqlTokenizer.significant("SELECT 'abc").get(1).kind());
        assertEquals(Kind.UNTERMINATED, SqlTokenizer.significant("SELECT \"abc").get(1).kind());
        assertEquals(Kind.UNTERMINATED, SqlTokenizer.significant("SELECT /* abc").get(1).kind());
        assertEquals(Kind.UNTERMINATED, SqlTokenizer.significant("SELECT $$abc").get(1).kind());
    }

    @Test
    void tokensCoverTheWholeText() {
        String sql = "SELECT a, 'b' /* c */ FROM \"d\" -- e";
        StringBuilder rebuilt = new StringBuilder();
        SqlTokenizer.tokenize(sql).forEach(t -> rebuilt.append(t.text()));
        assertEquals(sql, rebuilt.toString());
    }
}
