package io.scratchbird.hibernate.internal;

import org.hibernate.dialect.sequence.SequenceSupport;

/**
 * SBsql sequences: {@code NEXT VALUE FOR s} is the canonical next-value form (SQL-DIALECT.md §3);
 * PostgreSQL's {@code nextval('s')} also exists but is not what the dialect emits.
 */
public final class ScratchBirdSequenceSupport implements SequenceSupport {

    public static final ScratchBirdSequenceSupport INSTANCE = new ScratchBirdSequenceSupport();

    private ScratchBirdSequenceSupport() {
    }

    @Override
    public String getSelectSequenceNextValString(String sequenceName) {
        return "next value for " + sequenceName;
    }

    @Override
    public String getSequenceNextValString(String sequenceName) {
        return "select next value for " + sequenceName;
    }

    @Override
    public String getSelectSequencePreviousValString(String sequenceName) {
        return "currval('" + sequenceName + "')";
    }

    @Override
    public boolean sometimesNeedsStartingValue() {
        return true;
    }

    @Override
    public String getDropSequenceString(String sequenceName) {
        return "drop sequence if exists " + sequenceName;
    }
}
