package io.scratchbird.jdbc;

/**
 * The connection-level settings the JDBC objects use, resolved from the property registry once
 * at connect time.
 */
record ConnectionSettings(String url, String user, String database, int defaultFetchSize, int prepareThreshold,
                          int statementCacheSize, boolean binaryTransfer, boolean readOnly, String currentSchema,
                          String loggerLevel) {

    /** Without a logger level: logging OFF. */
    ConnectionSettings(String url, String user, String database, int defaultFetchSize, int prepareThreshold,
                       int statementCacheSize, boolean binaryTransfer, boolean readOnly, String currentSchema) {
        this(url, user, database, defaultFetchSize, prepareThreshold, statementCacheSize, binaryTransfer, readOnly,
                currentSchema, "OFF");
    }

    /** These settings with another logger level. */
    ConnectionSettings withLoggerLevel(String level) {
        return new ConnectionSettings(url, user, database, defaultFetchSize, prepareThreshold, statementCacheSize,
                binaryTransfer, readOnly, currentSchema, level);
    }
}
