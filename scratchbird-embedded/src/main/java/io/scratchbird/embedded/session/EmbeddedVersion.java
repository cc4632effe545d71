package io.scratchbird.embedded.session;

/** The version string the embedded server reports. */
final class EmbeddedVersion {

    static final String VALUE = "ScratchBird embedded " + version();

    private EmbeddedVersion() {
    }

    private static String version() {
        String v = EmbeddedVersion.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }
}
