/**
 * The SBsql function library: public static methods that storage registers as H2 aliases and
 * aggregates in the {@code sys.functions} schema (see {@link io.scratchbird.embedded.sql.FunctionCatalog}).
 * Every function returns SQL NULL for a NULL argument and refuses bad input with a
 * {@link io.scratchbird.embedded.sql.functions.FunctionError} carrying the client-visible SQLSTATE.
 * Values of types stored as text (json, jsonb, ranges, vectors) arrive and leave as their text form.
 */
package io.scratchbird.embedded.sql.functions;
