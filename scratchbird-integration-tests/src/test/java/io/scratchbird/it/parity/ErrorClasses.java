package io.scratchbird.it.parity;

import java.util.Map;

/**
 * The parity mapping rule between the two APIs' error classes (docs/python-dbapi-contract.md,
 * "Errors"): the DB-API class a SQLSTATE maps to. The Java mirror reports the JDBC class it
 * caught and this table's DB-API class; the Python runner reports the DB-API class it caught and
 * its own copy of the JDBC table; the transcripts must agree.
 */
final class ErrorClasses {

    private ErrorClasses() {
    }

    /** SQLSTATE classes (first two characters) → DB-API class, for errors the server reported. */
    private static final Map<String, String> SERVER_BY_CLASS = Map.ofEntries(
            Map.entry("02", "DatabaseError"),
            Map.entry("07", "ProgrammingError"),
            Map.entry("08", "OperationalError"),
            Map.entry("0A", "NotSupportedError"),
            Map.entry("20", "ProgrammingError"), Map.entry("21", "ProgrammingError"),
            Map.entry("22", "DataError"),
            Map.entry("23", "IntegrityError"),
            Map.entry("24", "InternalError"), Map.entry("25", "InternalError"),
            Map.entry("26", "OperationalError"), Map.entry("27", "OperationalError"), Map.entry("28", "OperationalError"),
            Map.entry("2B", "InternalError"), Map.entry("2D", "InternalError"), Map.entry("2F", "InternalError"),
            Map.entry("34", "OperationalError"),
            Map.entry("38", "InternalError"), Map.entry("39", "InternalError"), Map.entry("3B", "InternalError"),
            Map.entry("3D", "ProgrammingError"), Map.entry("3F", "ProgrammingError"),
            Map.entry("40", "OperationalError"),
            Map.entry("42", "ProgrammingError"), Map.entry("44", "ProgrammingError"),
            Map.entry("53", "OperationalError"), Map.entry("54", "OperationalError"), Map.entry("55", "OperationalError"),
            Map.entry("57", "OperationalError"), Map.entry("58", "InternalError"),
            Map.entry("F0", "OperationalError"), Map.entry("HV", "OperationalError"),
            Map.entry("P0", "InternalError"), Map.entry("XX", "InternalError"));

    /** Errors a driver raises itself, by SQLSTATE. */
    private static final Map<String, String> CLIENT = Map.of(
            "07001", "ProgrammingError",   // wrong number of parameters
            "08003", "InterfaceError",     // connection closed
            "55000", "InterfaceError",     // statement / cursor closed
            "22023", "DataError",          // a value the driver cannot bind
            "28000", "OperationalError");  // authentication refused by the client

    static String dbApiClass(String sqlState, boolean fromServer) {
        if (!fromServer) {
            String c = CLIENT.get(sqlState);
            if (c != null) {
                return c;
            }
        }
        if (sqlState == null || sqlState.length() < 2) {
            return "DatabaseError";
        }
        return SERVER_BY_CLASS.getOrDefault(sqlState.substring(0, 2), "DatabaseError");
    }
}
