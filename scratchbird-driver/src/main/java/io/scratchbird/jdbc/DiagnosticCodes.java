package io.scratchbird.jdbc;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static java.util.Map.entry;

/**
 * ScratchBird diagnostic codes and the standard SQLSTATEs they stand for. The server reports every
 * statement the engine rejects as the generic {@code 42000} and puts the real reason, a code such
 * as {@code CLI.CONSTRAINT_UNIQUE_VIOLATION}, in the DETAIL field (SBWP spec 11.2, SQL-DIALECT
 * section 10). Protocol errors put the code in the message field instead.
 *
 * <p>Codes are matched in three steps: the documented codes exactly; then families by prefix
 * ({@code CLI.CONSTRAINT_FOREIGN_KEY*}, {@code SECURITY.AUTHORIZATION*}, any other
 * {@code CLI.CONSTRAINT_*}); then, because the specification names no code for serialization
 * failures, deadlocks or lock waits although the engine reports them as {@code 42000} too, codes
 * containing one of the words {@code DEADLOCK}, {@code SERIALIZATION}, {@code UPDATE_CONFLICT},
 * {@code WRITE_CONFLICT}, {@code CONCURRENT_UPDATE} (40001/40P01, as Firebird's MGA reports update
 * conflicts) or {@code LOCK_NOT_AVAILABLE}, {@code LOCK_TIMEOUT}, {@code LOCK_CONFLICT} (55P03).
 */
final class DiagnosticCodes {

    /** Upper-case words separated by dots; a sentence (spaces, lower case) is not a code. */
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*(?:\\.[A-Z0-9_]+)*");

    private static final Map<String, String> EXACT = Map.ofEntries(
            entry("CLI.CONSTRAINT_UNIQUE_VIOLATION", "23505"),
            entry("CLI.CONSTRAINT_PRIMARY_KEY_VIOLATION", "23505"),
            entry("CLI.CONSTRAINT_NOT_NULL_VIOLATION", "23502"),
            entry("CLI.CONSTRAINT_CHECK_VIOLATION", "23514"),
            entry("CLI.CONSTRAINT_EXCLUSION_VIOLATION", "23P01"),
            entry("SBSQL_DOMAIN_CHECK_VIOLATION", "23514"),
            entry("SBSQL.NUMERIC.OVERFLOW", "22003"),
            entry("SBSQL.NUMERIC.DIVISION_BY_ZERO", "22012"),
            // A domain error does not say which function failed, so only the class is known.
            entry("SBSQL.NUMERIC.DOMAIN", "22000"),
            entry("SBSQL.NAME_RESOLUTION.NOT_FOUND_OR_NOT_VISIBLE", "42P01"),
            entry("SECURITY.AUTHENTICATION.FAILED", "28P01"),
            entry("EXECUTION.QUERY_CANCELLED", "57014"),
            entry("FEATURE.NOT_IMPLEMENTED_RELEASE_BLOCKING", "0A000"));

    /** In order: the foreign-key family must win over the general constraint family. */
    private static final List<Map.Entry<String, String>> PREFIXES = List.of(
            entry("CLI.CONSTRAINT_FOREIGN_KEY", "23503"),
            entry("SECURITY.AUTHORIZATION", "42501"),
            entry("CLI.CONSTRAINT_", "23000"));

    private static final List<Map.Entry<String, String>> WORDS = List.of(
            entry("DEADLOCK", "40P01"),
            entry("SERIALIZATION", "40001"),
            entry("UPDATE_CONFLICT", "40001"),
            entry("WRITE_CONFLICT", "40001"),
            entry("CONCURRENT_UPDATE", "40001"),
            entry("LOCK_NOT_AVAILABLE", "55P03"),
            entry("LOCK_TIMEOUT", "55P03"),
            entry("LOCK_CONFLICT", "55P03"));

    private DiagnosticCodes() {
    }

    /**
     * The diagnostic code of an ERROR: D (or its part before {@code ;}, the {@code code;detail}
     * form) when that is a code, else M when M is one, else null.
     */
    static String extract(String message, String detail) {
        String fromDetail = asCode(detail);
        return fromDetail != null ? fromDetail : asCode(message);
    }

    private static String asCode(String field) {
        if (field == null) {
            return null;
        }
        int semicolon = field.indexOf(';');
        String candidate = (semicolon >= 0 ? field.substring(0, semicolon) : field).trim();
        return CODE.matcher(candidate).matches() ? candidate : null;
    }

    /** The standard SQLSTATE {@code code} stands for, or null when it stands for none in particular. */
    static String standardSqlState(String code) {
        if (code == null) {
            return null;
        }
        String exact = EXACT.get(code);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, String> prefix : PREFIXES) {
            if (code.startsWith(prefix.getKey())) {
                return prefix.getValue();
            }
        }
        // Whole words only: "_DEADLOCK_" inside "_SBSQL_TXN_DEADLOCK_DETECTED_", not "DEADLOCKS".
        String words = "_" + code.replace('.', '_') + "_";
        for (Map.Entry<String, String> word : WORDS) {
            if (words.contains("_" + word.getKey() + "_")) {
                return word.getValue();
            }
        }
        return null;
    }
}
