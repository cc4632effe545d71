package io.scratchbird.hibernate.internal;

import org.hibernate.dialect.temptable.TemporaryTableKind;
import org.hibernate.dialect.temptable.TemporaryTableStrategy;
import org.hibernate.query.sqm.mutation.spi.AfterUseAction;
import org.hibernate.query.sqm.mutation.spi.BeforeUseAction;

/**
 * Session-local temporary tables for HQL updates and deletes that span several tables (joined
 * inheritance, secondary tables): created on first use in a session and emptied after each use,
 * never dropped, because creating a temporary table leaves the open transaction alone but dropping
 * one would end it. No {@code HTE_*} helper tables appear in the application's schema.
 */
public final class ScratchBirdTemporaryTableStrategy implements TemporaryTableStrategy {

    public static final ScratchBirdTemporaryTableStrategy INSTANCE = new ScratchBirdTemporaryTableStrategy();

    private ScratchBirdTemporaryTableStrategy() {
    }

    @Override
    public String adjustTemporaryTableName(String desiredTableName) {
        return desiredTableName;
    }

    @Override
    public TemporaryTableKind getTemporaryTableKind() {
        return TemporaryTableKind.LOCAL;
    }

    @Override
    public String getTemporaryTableCreateOptions() {
        return null;
    }

    @Override
    public String getTemporaryTableCreateCommand() {
        return "create local temporary table if not exists";
    }

    @Override
    public String getTemporaryTableDropCommand() {
        return "drop table";
    }

    @Override
    public String getTemporaryTableTruncateCommand() {
        return "delete from";
    }

    @Override
    public String getCreateTemporaryTableColumnAnnotation(int sqlTypeCode) {
        return "";
    }

    @Override
    public AfterUseAction getTemporaryTableAfterUseAction() {
        return AfterUseAction.CLEAN;
    }

    @Override
    public BeforeUseAction getTemporaryTableBeforeUseAction() {
        return BeforeUseAction.CREATE;
    }

}
