package io.scratchbird.jdbc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which characters of SQL text are parameter markers, and how they are numbered. */
class ParsedSqlTest {

    @Test
    void questionMarksAreNumberedInOrder() throws SQLException {
        ParsedSql p = ParsedSql.parse("insert into t values (?, ?, ?)");
        assertEquals("insert into t values ($1, $2, $3)", p.sql());
        assertEquals(3, p.count());
        assertFalse(p.named());
    }

    @Test
    void theSameNameIsTheSameParameter() throws SQLException {
        ParsedSql p = ParsedSql.parse("select :a + :b where :a > 0 and :b_2 is null");
        assertEquals("select $1 + $2 where $1 > 0 and $3 is null", p.sql());
        assertEquals(3, p.count());
        assertEquals(Map.of("a", 1, "b", 2, "b_2", 3), p.names());
        assertEquals(List.of("a", "b", "b_2"), p.parameterNames());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "select '?', 'it''s :x ?' from t",
            "select \"col?\", \"a\"\"b:c\" from t",
            "select 1 -- what? :x\n",
            "select 1 /* ? /* nested :x ? */ still a comment ? */",
            "select $$ it's ? :x $$",
            "select $body$ ? :x $$ ? $body$",
            "select x::integer, y :: text from t",
            "select 'unterminated ? :x",
            "select 1 /* unterminated ? :x",
    })
    void quotesCommentsDollarQuotesAndCastsHoldNoMarkers(String sql) throws SQLException {
        ParsedSql p = ParsedSql.parse(sql);
        assertEquals(sql, p.sql());
        assertEquals(0, p.count());
    }

    @Test
    void markersAroundQuotedTextAreStillFound() throws SQLException {
        ParsedSql p = ParsedSql.parse("select ?::text || '?' || $$?$$ || ? -- ?\n, ?");
        assertEquals("select $1::text || '?' || $$?$$ || $2 -- ?\n, $3", p.sql());
        assertEquals(3, p.count());
    }

    @Test
    void aNamedMarkerRightAfterACastIsACastTarget() throws SQLException {
        ParsedSql p = ParsedSql.parse("select :v::numeric(10,2), 'a'::text");
        assertEquals("select $1::numeric(10,2), 'a'::text", p.sql());
        assertEquals(Map.of("v", 1), p.names());
    }

    @Test
    void aDollarDigitIsNotADollarQuote() throws SQLException {
        ParsedSql p = ParsedSql.parse("select $1, ?");
        assertTrue(p.sql().endsWith(", $1"), p.sql());
    }

    @Test
    void mixingPositionalAndNamedMarkersIsRefused() {
        SQLSyntaxErrorException e = assertThrows(SQLSyntaxErrorException.class,
                () -> ParsedSql.parse("select ? + :a"));
        assertEquals("42601", e.getSQLState());
    }
}
