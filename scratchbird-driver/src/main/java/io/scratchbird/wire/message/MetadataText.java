package io.scratchbird.wire.message;

/**
 * Optional {@code nullable_text} fields of P1 descriptors, in wire order, each present when its
 * bit of the descriptor's metadata bitmap is set (spec 7.2 and 8.2).
 */
public enum MetadataText {
    COLUMN_NAME(1),
    BASE_CATALOG(2),
    BASE_SCHEMA(3),
    BASE_TABLE(4),
    BASE_COLUMN(5),
    TYPE_NAME(6),
    DOMAIN_NAME(9),
    DRIVER_TYPE_NAME(7),
    REMARKS(35),
    /** PARAMETER_DESCRIPTION only, after DOMAIN_NAME. */
    PARAMETER_BIT_23(23);

    private final int bit;

    MetadataText(int bit) {
        this.bit = bit;
    }

    public long mask() {
        return 1L << bit;
    }

    /** Fields of a ROW_DESCRIPTION column, in wire order. */
    static final MetadataText[] COLUMN_ORDER = {COLUMN_NAME, BASE_CATALOG, BASE_SCHEMA, BASE_TABLE, BASE_COLUMN,
            TYPE_NAME, DOMAIN_NAME, DRIVER_TYPE_NAME, REMARKS};
    /** Fields of a PARAMETER_DESCRIPTION parameter, in wire order. */
    static final MetadataText[] PARAMETER_ORDER = {TYPE_NAME, DOMAIN_NAME, PARAMETER_BIT_23};
}
