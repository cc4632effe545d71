package io.scratchbird.embedded.sql;

/**
 * What the translator knows about one result column from the statement text: the label it must
 * have and, when the expression says so (a cast, a typed literal, a function of a text-stored type),
 * its declared type. A star item stands for an unknown number of table columns.
 *
 * @param label the column label, or null to keep storage's (plain column references)
 * @param type  the declared type, or null when storage metadata decides
 * @param star  {@code *} or {@code t.*}
 */
public record ColumnHint(String label, SqlType type, boolean star) {

    static final ColumnHint STAR = new ColumnHint(null, null, true);
}
