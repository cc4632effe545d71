package io.scratchbird.wire;

/**
 * The payload layout family a session uses, fixed by the shape of its STARTUP (spec 6.2): P1 for
 * every current client, LEGACY for short legacy STARTUP payloads. It selects the layouts of
 * READY, ROW_DESCRIPTION and PARAMETER_DESCRIPTION.
 */
public enum Layout {
    P1,
    LEGACY
}
