package io.scratchbird.jdbc;

/**
 * The kind of value a {@link ScratchBirdProperty} holds, which decides how its text is checked
 * and normalised. Every kind except {@link #STRING} trims the text and treats an empty value as
 * "not set" (the default applies), so a blank placeholder in a configuration file is harmless.
 */
public enum PropertyType {
    /** Any text, kept exactly as given (an empty string is a value). */
    STRING("text"),
    /** {@code true/false}; {@code on/off}, {@code yes/no} and {@code 1/0} are accepted too. */
    BOOLEAN("boolean"),
    /** A whole number within the property's bounds. */
    INTEGER("integer"),
    /** A whole number of seconds within the property's bounds; 0 usually means "no limit". */
    SECONDS("seconds"),
    /** One of a fixed set of values, matched case-insensitively and reported in canonical spelling. */
    CHOICE("choice"),
    /** A comma-separated list of values from a fixed set. */
    CHOICE_LIST("list"),
    /** A time-zone id that {@link java.time.ZoneId#of(String)} accepts ({@code Europe/Berlin}, {@code UTC}, {@code +02:00}). */
    ZONE_ID("time zone");

    private final String label;

    PropertyType(String label) {
        this.label = label;
    }

    /** How the documentation names this kind. */
    public String label() {
        return label;
    }
}
