package io.scratchbird.jdbc;

/**
 * The connection-level settings the JDBC objects use, resolved from the property registry once
 * at connect time.
 */
record ConnectionSettings(String url, String user, String database, int defaultFetchSize, int prepareThreshold,
                          int statementCacheSize, boolean binaryTransfer, boolean readOnly, String currentSchema) {
}
