package io.scratchbird.embedded.sql;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SqlScriptsTest {

    @Test
    void splitsAtSemicolonsOutsideStringsCommentsAndDollarQuotes() {
        String script = "CREATE TABLE t (a TEXT);\n"
                + "INSERT INTO t VALUES ('x;y');\n"
                + "-- a comment; with a semicolon\n"
                + "INSERT INTO t VALUES ($$a;b$$) /* ; */;\n"
                + "SELECT \"odd;name\" FROM t";
        assertEquals(List.of("CREATE TABLE t (a TEXT)", "INSERT INTO t VALUES ('x;y')",
                "-- a comment; with a semicolon\nINSERT INTO t VALUES ($$a;b$$) /* ; */", "SELECT \"odd;name\" FROM t"),
                SqlScripts.split(script));
    }

    @Test
    void skipsEmptyStatements() {
        assertEquals(List.of("SELECT 1", "SELECT 2"), SqlScripts.split(";; SELECT 1 ;\n ; -- only a comment\n; SELECT 2;"));
        assertEquals(List.of(), SqlScripts.split("  ;  /* nothing */ ; "));
        assertEquals(List.of(), SqlScripts.split(""));
    }

    @Test
    void keepsAnUnterminatedTailInTheLastStatement() {
        assertEquals(List.of("SELECT 1", "SELECT 'abc; SELECT 2"), SqlScripts.split("SELECT 1; SELECT 'abc; SELECT 2"));
    }

    @Test
    void firstWordIsTheUpperCasedFirstKeyword() {
        assertEquals("SELECT", SqlScripts.firstWord("select 1"));
        assertEquals("INSERT", SqlScripts.firstWord("  /* c */ -- x\n insert into t values (1)"));
        assertEquals("SELECT", SqlScripts.firstWord("SELECT(1)"));
        assertEquals("SELECT", SqlScripts.firstWord("((SELECT 1))"));
        assertEquals("WITH", SqlScripts.firstWord("with x as (select 1) select * from x"));
        assertEquals("", SqlScripts.firstWord("  -- nothing"));
        assertEquals("", SqlScripts.firstWord("'text'"));
    }
}
