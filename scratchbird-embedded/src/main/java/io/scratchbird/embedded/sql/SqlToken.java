package io.scratchbird.embedded.sql;

import java.util.Locale;

/**
 * One lexical token of SBsql text, or a piece of already-translated H2 text ({@link Kind#RAW}).
 *
 * @param kind  what the token is
 * @param text  the token exactly as written (for RAW: the H2 text to emit)
 * @param start 0-based offset of the token (for RAW: of the construct it came from) in the SBsql text
 */
public record SqlToken(Kind kind, String text, int start) {

    /** Token classes. Whitespace and comments are kept by the tokenizer so scripts can be split verbatim. */
    public enum Kind {
        /** Unquoted identifier or keyword. */
        WORD,
        /** {@code "name"}; a doubled quote inside is one quote. */
        QUOTED_IDENTIFIER,
        /** {@code 'text'} (also {@code X'00ff'} and {@code N'text'}). */
        STRING,
        /** {@code $$text$$} or {@code $tag$text$tag$}. */
        DOLLAR_STRING,
        NUMBER,
        /** {@code ?}, {@code $n} or {@code :name}. */
        PARAMETER,
        OPERATOR,
        /** One of {@code ( ) , ; . [ ]}. */
        PUNCTUATION,
        WHITESPACE,
        COMMENT,
        /** A string, quoted identifier, dollar string or comment that never ends. */
        UNTERMINATED,
        /** Translated text, emitted as is and never rewritten again. */
        RAW
    }

    public static SqlToken raw(String h2Text, int sourceOffset) {
        return new SqlToken(Kind.RAW, h2Text, sourceOffset);
    }

    public int end() {
        return start + text.length();
    }

    /** Whether this is the unquoted word {@code word}, ignoring case. */
    public boolean isWord(String word) {
        return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }

    public boolean isWordIn(String... words) {
        for (String w : words) {
            if (isWord(w)) {
                return true;
            }
        }
        return false;
    }

    public boolean is(String punctuationOrOperator) {
        return (kind == Kind.PUNCTUATION || kind == Kind.OPERATOR) && text.equals(punctuationOrOperator);
    }

    /** Whitespace and comments. */
    public boolean isTrivia() {
        return kind == Kind.WHITESPACE || kind == Kind.COMMENT;
    }

    public boolean isIdentifier() {
        return kind == Kind.WORD || kind == Kind.QUOTED_IDENTIFIER;
    }

    /** The name an identifier denotes: quoted names unescaped and exact, unquoted ones as written. */
    public String identifierName() {
        if (kind == Kind.QUOTED_IDENTIFIER) {
            return text.substring(1, text.length() - 1).replace("\"\"", "\"");
        }
        return text;
    }

    /** The value of a plain {@code '...'} string literal. */
    public String stringValue() {
        return text.substring(1, text.length() - 1).replace("''", "'");
    }

    public boolean isPlainString() {
        return kind == Kind.STRING && text.startsWith("'");
    }

    public String upper() {
        return text.toUpperCase(Locale.ROOT);
    }
}
