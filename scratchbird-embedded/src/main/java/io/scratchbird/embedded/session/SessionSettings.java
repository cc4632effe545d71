package io.scratchbird.embedded.session;

import io.scratchbird.wire.FeatureBits;

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
 */
public record SessionSettings(boolean referenceQuirks, int authMethod, int maxConnections, String role,
                              String databaseName) {

    /** Features the upstream server supports; also what SERVER_INFO reports (spec 5.1). */
    public static final long SUPPORTED_FEATURES = FeatureBits.SERVER_SUPPORTED;

    public int effectiveAuthMethod() {
        return referenceQuirks ? 1 : authMethod;
    }
}
