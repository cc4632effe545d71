package io.scratchbird.embedded.session;

import io.scratchbird.wire.FeatureBits;

import java.time.Duration;

/**
 * What every session of one server shares: the protocol behaviour chosen at server start.
 *
 * @param referenceQuirks  byte-compatible with today's upstream server (spec 13.2): text values,
 *                         inferred result types, no ROW_DESCRIPTION for empty results, generic
 *                         42000, PASSWORD auth, textual parameter substitution
 * @param authMethod       1 = PASSWORD, 3 = SCRAM-SHA-256 (forced to 1 in quirks mode)
 * @param maxConnections   sessions beyond this are refused with SQLSTATE 53300
 * @param role             {@code primary} or {@code secondary}, reported in PARAMETER_STATUS
 * @param databaseName     reported for an empty {@code database} connect key
 * @param maxParameters    most parameters (markers, declared types, bound values) one statement may
 *                         have; more are refused with SQLSTATE 54023 (1 to {@value #MAX_PARAMETERS_LIMIT})
 * @param idleInTransactionTimeout a session that stays idle this long inside an open transaction
 *                         is ended: its transaction rolls back, its locks are released and it gets
 *                         an ERROR 25P03 before the connection closes; {@link Duration#ZERO} disables
 */
public record SessionSettings(boolean referenceQuirks, int authMethod, int maxConnections, String role,
                              String databaseName, int maxParameters, Duration idleInTransactionTimeout) {

    /** Features the upstream server supports; also what SERVER_INFO reports (spec 5.1). */
    public static final long SUPPORTED_FEATURES = FeatureBits.SERVER_SUPPORTED;

    /**
     * The largest parameter count the wire can carry: PARSE's {@code param_type_count} and BIND's
     * {@code param_value_count} are {@code u16} (spec 8.1, 8.3). Also the default limit.
     */
    public static final int MAX_PARAMETERS_LIMIT = 0xFFFF;

    /** Default idle-in-transaction timeout: 5 minutes. */
    public static final Duration DEFAULT_IDLE_IN_TRANSACTION_TIMEOUT = Duration.ofMinutes(5);

    public SessionSettings {
        if (maxParameters < 1 || maxParameters > MAX_PARAMETERS_LIMIT) {
            throw new IllegalArgumentException("maxParameters must be 1-" + MAX_PARAMETERS_LIMIT + ", got " + maxParameters);
        }
        if (idleInTransactionTimeout == null || idleInTransactionTimeout.isNegative()) {
            throw new IllegalArgumentException("idleInTransactionTimeout must be zero (off) or positive");
        }
    }

    /** The defaults for the parameter limit and the idle-in-transaction timeout. */
    public SessionSettings(boolean referenceQuirks, int authMethod, int maxConnections, String role, String databaseName) {
        this(referenceQuirks, authMethod, maxConnections, role, databaseName, MAX_PARAMETERS_LIMIT,
                DEFAULT_IDLE_IN_TRANSACTION_TIMEOUT);
    }

    public int effectiveAuthMethod() {
        return referenceQuirks ? 1 : authMethod;
    }
}
