package io.scratchbird.hibernate;

import io.scratchbird.hibernate.function.ScratchBirdFunctions;
import io.scratchbird.hibernate.internal.ScratchBirdExceptions;
import io.scratchbird.hibernate.internal.ScratchBirdLockingSupport;
import io.scratchbird.hibernate.internal.ScratchBirdSequenceSupport;
import io.scratchbird.hibernate.internal.ScratchBirdSqlAstTranslator;
import io.scratchbird.hibernate.type.ScratchBirdTypes;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Timeout;
import org.hibernate.Timeouts;
import org.hibernate.boot.model.FunctionContributions;
import org.hibernate.boot.model.TypeContributions;
import org.hibernate.dialect.DatabaseVersion;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.NationalizationSupport;
import org.hibernate.dialect.NullOrdering;
import org.hibernate.dialect.TimeZoneSupport;
import org.hibernate.dialect.function.CommonFunctionFactory;
import org.hibernate.dialect.identity.IdentityColumnSupport;
import org.hibernate.dialect.identity.IdentityColumnSupportImpl;
import org.hibernate.generator.EventType;
import org.hibernate.id.insert.GetGeneratedKeysDelegate;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.persister.entity.mutation.EntityMutationTarget;
import org.hibernate.sql.model.MutationOperation;
import org.hibernate.sql.model.internal.OptionalTableUpdate;
import org.hibernate.dialect.lock.spi.LockingSupport;
import org.hibernate.dialect.pagination.LimitHandler;
import org.hibernate.dialect.pagination.LimitOffsetLimitHandler;
import org.hibernate.dialect.sequence.SequenceSupport;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.engine.jdbc.env.spi.IdentifierCaseStrategy;
import org.hibernate.engine.jdbc.env.spi.IdentifierHelper;
import org.hibernate.engine.jdbc.env.spi.IdentifierHelperBuilder;
import org.hibernate.engine.jdbc.env.spi.NameQualifierSupport;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.exception.spi.SQLExceptionConversionDelegate;
import org.hibernate.exception.spi.ViolatedConstraintNameExtractor;
import org.hibernate.query.common.FetchClauseType;
import org.hibernate.query.sqm.CastType;
import org.hibernate.query.common.TemporalUnit;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.sql.ast.SqlAstTranslator;
import org.hibernate.sql.ast.SqlAstTranslatorFactory;
import org.hibernate.sql.ast.spi.SqlAppender;
import org.hibernate.sql.ast.spi.StandardSqlAstTranslatorFactory;
import org.hibernate.sql.ast.tree.Statement;
import org.hibernate.sql.exec.spi.JdbcOperation;
import org.hibernate.type.descriptor.jdbc.BlobJdbcType;
import org.hibernate.type.descriptor.jdbc.ClobJdbcType;
import org.hibernate.type.descriptor.jdbc.LocalDateTimeJdbcType;
import org.hibernate.type.descriptor.jdbc.LocalTimeJdbcType;
import org.hibernate.type.descriptor.jdbc.UUIDJdbcType;
import org.hibernate.dialect.temptable.TemporaryTableStrategy;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.metamodel.spi.RuntimeModelCreationContext;
import org.hibernate.query.sqm.mutation.spi.SqmMultiTableInsertStrategy;
import org.hibernate.query.sqm.mutation.spi.SqmMultiTableMutationStrategy;
import org.hibernate.query.sqm.mutation.internal.temptable.LocalTemporaryTableInsertStrategy;
import org.hibernate.query.sqm.mutation.internal.temptable.LocalTemporaryTableMutationStrategy;
import io.scratchbird.hibernate.internal.ScratchBirdTemporaryTableStrategy;
import org.hibernate.type.descriptor.sql.internal.CapacityDependentDdlType;
import org.hibernate.type.descriptor.sql.internal.DdlTypeImpl;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;

import static org.hibernate.type.SqlTypes.*;

/**
 * Hibernate ORM 7 dialect for ScratchBird's SBsql (SQL-DIALECT.md). Picked automatically by
 * {@link ScratchBirdDialectResolver}; extends {@link Dialect}, not PostgreSQL's dialect, so
 * neither Hibernate nor hibernate-spatial/-vector mistake ScratchBird for PostgreSQL and emit
 * PostgreSQL-only SQL ({@code offset … rows fetch …}, {@code int8}, {@code oid}, {@code <->}).
 *
 * <p>What differs from PostgreSQL habits, by SQL-DIALECT.md section: {@code bigint} for Long
 * (SBsql's {@code int8} is one byte), {@code double precision} and {@code real} (SBsql's
 * {@code float} is four bytes), {@code timestamptz} (no {@code timestamp with time zone}),
 * {@code text}/{@code bytea} for LOBs (no {@code oid}), {@code array<T>} arrays, {@code limit ?
 * offset ?} pagination, {@code next value for} sequences read from
 * {@code sys.information.sequences}, {@code for update [nowait|skip locked]} only, and exceptions
 * classified from the server's diagnostic codes.
 */
public class ScratchBirdDialect extends Dialect {

    /** The first ScratchBird release speaking SBWP 1.1. */
    static final DatabaseVersion MINIMUM_VERSION = DatabaseVersion.make(1, 0);

    /** Offset-only pagination becomes {@code limit <max> offset ?}: SBsql has no bare OFFSET (§5). */
    private static final LimitHandler LIMIT_HANDLER = LimitOffsetLimitHandler.INSTANCE;

    public ScratchBirdDialect() {
        this(MINIMUM_VERSION);
    }

    public ScratchBirdDialect(DatabaseVersion version) {
        super(version);
    }

    public ScratchBirdDialect(DialectResolutionInfo info) {
        super(info);
    }

    @Override
    protected DatabaseVersion getMinimumSupportedVersion() {
        return MINIMUM_VERSION;
    }

    // ---------------------------------------------------------------- types

    @Override
    protected String columnType(int sqlTypeCode) {
        return switch (sqlTypeCode) {
            // A Java byte fits SBsql's 8-bit INT8, but no wire type carries one byte; smallint is portable.
            case TINYINT -> "smallint";
            case FLOAT -> "double precision";
            case REAL -> "real";
            case DOUBLE -> "double precision";
            case NCHAR -> columnType(CHAR);
            case NVARCHAR -> columnType(VARCHAR);
            case LONG32VARCHAR, LONG32NVARCHAR, CLOB, NCLOB -> "text";
            case BINARY, VARBINARY, LONG32VARBINARY, BLOB -> "bytea";
            // SBsql spells the zoned timestamp only as timestamptz (§2, trap 3).
            case TIMESTAMP_WITH_TIMEZONE, TIMESTAMP_UTC -> "timestamptz";
            default -> super.columnType(sqlTypeCode);
        };
    }

    @Override
    protected String castType(int sqlTypeCode) {
        return switch (sqlTypeCode) {
            case CHAR, NCHAR, VARCHAR, NVARCHAR -> "varchar";
            case LONG32VARCHAR, LONG32NVARCHAR, CLOB, NCLOB -> "text";
            case BINARY, VARBINARY, LONG32VARBINARY, BLOB -> "bytea";
            default -> super.castType(sqlTypeCode);
        };
    }

    @Override
    protected boolean isLob(int sqlTypeCode) {
        // text and bytea are plain values read and written whole, not LOB locators.
        return switch (sqlTypeCode) {
            case LONG32VARCHAR, LONG32NVARCHAR, LONG32VARBINARY, CLOB, NCLOB, BLOB -> false;
            default -> super.isLob(sqlTypeCode);
        };
    }

    @Override
    protected void registerColumnTypes(TypeContributions typeContributions, ServiceRegistry serviceRegistry) {
        super.registerColumnTypes(typeContributions, serviceRegistry);
        var ddl = typeContributions.getTypeConfiguration().getDdlTypeRegistry();
        // Java float: real up to 24 bits of precision, double precision above (never SBsql's 4-byte "float").
        ddl.addDescriptor(CapacityDependentDdlType.builder(FLOAT, "double precision", "double precision", this)
                .withTypeCapacity(24, "real")
                .build());
        ddl.addDescriptor(new DdlTypeImpl(UUID, "uuid", this));
        ddl.addDescriptor(new DdlTypeImpl(JSON, "jsonb", this));
        ddl.addDescriptor(new DdlTypeImpl(SQLXML, "xml", this));
        ddl.addDescriptor(new DdlTypeImpl(GEOMETRY, "geometry", this));
        ddl.addDescriptor(new DdlTypeImpl(POINT, "geometry", this));
        ddl.addDescriptor(new DdlTypeImpl(GEOGRAPHY, "geography", this));
        ddl.addDescriptor(new DdlTypeImpl(INTERVAL_SECOND, "interval", this));
        ScratchBirdTypes.registerColumnTypes(ddl, this);
    }

    @Override
    public void contributeTypes(TypeContributions typeContributions, ServiceRegistry serviceRegistry) {
        super.contributeTypes(typeContributions, serviceRegistry);
        var jdbcTypes = typeContributions.getTypeConfiguration().getJdbcTypeRegistry();
        // LOBs travel as whole values: the driver has no locators, and text/bytea need none.
        jdbcTypes.addDescriptor(CLOB, ClobJdbcType.STRING_BINDING);
        jdbcTypes.addDescriptor(NCLOB, ClobJdbcType.STRING_BINDING);
        jdbcTypes.addDescriptor(BLOB, BlobJdbcType.PRIMITIVE_ARRAY_BINDING);
        // java.time values bind as themselves: java.sql.Time drops fractions of a second, and a
        // java.sql.Timestamp in the JVM's zone cannot hold local times that fall in a DST gap.
        jdbcTypes.addDescriptor(TIME, LocalTimeJdbcType.INSTANCE);
        jdbcTypes.addDescriptor(UUIDJdbcType.INSTANCE);
        jdbcTypes.addDescriptor(TIMESTAMP, LocalDateTimeJdbcType.INSTANCE);
        ScratchBirdTypes.contribute(typeContributions, serviceRegistry, this);
    }

    @Override
    public String getArrayTypeName(String javaElementTypeName, String elementTypeName, Integer maxLength) {
        return "array<" + elementTypeName + ">";
    }

    @Override
    public boolean supportsStandardArrays() {
        return true;
    }

    @Override
    public int getMaxVarcharLength() {
        return 10_485_760;
    }

    @Override
    public int getDefaultDecimalPrecision() {
        // SBsql's portable precision is 1–38 (§2).
        return 38;
    }

    @Override
    public int getMaxIdentifierLength() {
        return 63;
    }

    @Override
    public TimeZoneSupport getTimeZoneSupport() {
        return TimeZoneSupport.NORMALIZE;
    }

    @Override
    public NationalizationSupport getNationalizationSupport() {
        return NationalizationSupport.IMPLICIT;
    }

    @Override
    public boolean getDefaultNonContextualLobCreation() {
        return true;
    }

    @Override
    public boolean useInputStreamToInsertBlob() {
        return false;
    }

    @Override
    public boolean useConnectionToCreateLob() {
        return false;
    }

    @Override
    public boolean supportsLobValueChangePropagation() {
        return false;
    }

    // ---------------------------------------------------------------- functions

    @Override
    public void initializeFunctionRegistry(FunctionContributions functionContributions) {
        super.initializeFunctionRegistry(functionContributions);
        var f = new CommonFunctionFactory(functionContributions);
        f.cot();
        f.radians();
        f.degrees();
        f.log();
        f.mod_operator();
        f.log10();
        f.pi();
        f.trim2();
        f.repeat();
        f.substr();
        f.substring_substr();
        f.reverse();
        f.translate();
        f.concat_pipeOperator();
        f.ascii();
        f.char_chr();
        f.position();
        f.locate_positionSubstring();
        f.bitandorxornot_operator();
        f.everyAny_boolAndOr();
        f.windowFunctions();
        f.listagg_stringAgg("varchar");
        f.stddev();
        f.variance();
        f.localtimeLocaltimestamp();
        f.dateTrunc();
        ScratchBirdFunctions.register(functionContributions);
    }

    @Override
    public String currentTime() {
        return "localtime";
    }

    @Override
    public String currentTimestamp() {
        return "localtimestamp";
    }

    @Override
    public String currentTimestampWithTimeZone() {
        return "current_timestamp";
    }

    @Override
    public boolean supportsCurrentTimestampSelection() {
        return true;
    }

    @Override
    public boolean isCurrentTimestampSelectStringCallable() {
        return false;
    }

    @Override
    public String getCurrentTimestampSelectString() {
        return "select current_timestamp";
    }

    @Override
    public String extractPattern(TemporalUnit unit) {
        return switch (unit) {
            // extract(dow) counts Sunday as 0; HQL's day_of_week counts it as 1.
            case DAY_OF_WEEK -> "(extract(dow from ?2)+1)";
            case DAY_OF_YEAR -> "extract(doy from ?2)";
            default -> super.extractPattern(unit);
        };
    }

    @Override
    public String castPattern(CastType from, CastType to) {
        return from == CastType.STRING && to == CastType.BOOLEAN ? "cast(?1 as ?2)" : super.castPattern(from, to);
    }

    @Override
    public void appendBooleanValueString(SqlAppender appender, boolean bool) {
        appender.appendSql(bool);
    }

    @Override
    public boolean supportsIsTrue() {
        return true;
    }

    @Override
    public boolean supportsDistinctFromPredicate() {
        return true;
    }

    @Override
    public boolean supportsCaseInsensitiveLike() {
        return true;
    }

    @Override
    public String getCaseInsensitiveLike() {
        return "ilike";
    }

    @Override
    public boolean supportsValuesList() {
        return true;
    }

    @Override
    public boolean supportsWindowFunctions() {
        return true;
    }

    @Override
    public boolean supportsRecursiveCTE() {
        return true;
    }

    @Override
    public boolean supportsLateral() {
        // SBsql has "LATERAL JOIN t", not PostgreSQL's "JOIN LATERAL"; Hibernate emulates.
        return false;
    }

    @Override
    public boolean supportsPartitionBy() {
        return true;
    }

    @Override
    public boolean supportsTupleCounts() {
        return true;
    }

    @Override
    public boolean requiresParensForTupleDistinctCounts() {
        return true;
    }

    @Override
    public NullOrdering getNullOrdering() {
        // The server's default placement is not documented (§5): the dialect always says so explicitly.
        return NullOrdering.GREATEST;
    }

    @Override
    public boolean supportsNullPrecedence() {
        return true;
    }

    // ---------------------------------------------------------------- pagination

    @Override
    public LimitHandler getLimitHandler() {
        return LIMIT_HANDLER;
    }

    @Override
    public boolean supportsFetchClause(FetchClauseType type) {
        // FETCH FIRST exists but not together with OFFSET; LIMIT/OFFSET covers every case.
        return false;
    }

    @Override
    public boolean supportsOffsetInSubquery() {
        return true;
    }

    // ---------------------------------------------------------------- locking

    @Override
    public LockingSupport getLockingSupport() {
        return ScratchBirdLockingSupport.INSTANCE;
    }

    @Override
    public String getForUpdateString() {
        return " for update";
    }

    @Override
    public String getForUpdateNowaitString() {
        return " for update nowait";
    }

    @Override
    public String getForUpdateSkipLockedString() {
        return " for update skip locked";
    }

    @Override
    public String getForUpdateString(String aliases) {
        return getForUpdateString();
    }

    @Override
    public String getForUpdateNowaitString(String aliases) {
        return getForUpdateNowaitString();
    }

    @Override
    public String getForUpdateSkipLockedString(String aliases) {
        return getForUpdateSkipLockedString();
    }

    @Override
    public String getWriteLockString(Timeout timeout) {
        return withTimeout(timeout.milliseconds());
    }

    @Override
    public String getWriteLockString(String aliases, Timeout timeout) {
        return withTimeout(timeout.milliseconds());
    }

    /** SBsql has no FOR SHARE (§5): a read lock is taken as the stronger update lock. */
    @Override
    public String getReadLockString(Timeout timeout) {
        return withTimeout(timeout.milliseconds());
    }

    @Override
    public String getReadLockString(String aliases, Timeout timeout) {
        return withTimeout(timeout.milliseconds());
    }

    @Override
    public String getWriteLockString(int timeout) {
        return withTimeout(timeout);
    }

    @Override
    public String getWriteLockString(String aliases, int timeout) {
        return withTimeout(timeout);
    }

    @Override
    public String getReadLockString(int timeout) {
        return withTimeout(timeout);
    }

    @Override
    public String getReadLockString(String aliases, int timeout) {
        return withTimeout(timeout);
    }

    private static String withTimeout(int millis) {
        return switch (millis) {
            case Timeouts.NO_WAIT_MILLI -> " for update nowait";
            case Timeouts.SKIP_LOCKED_MILLI -> " for update skip locked";
            default -> " for update";
        };
    }

    // ---------------------------------------------------------------- identity, sequences, DDL

    @Override
    public SequenceSupport getSequenceSupport() {
        return ScratchBirdSequenceSupport.INSTANCE;
    }

    @Override
    public String getQuerySequencesString() {
        return "select * from sys.information.sequences";
    }

    @Override
    public IdentityColumnSupport getIdentityColumnSupport() {
        return Identity.INSTANCE;
    }

    @Override
    public GenerationType getNativeValueGenerationStrategy() {
        return GenerationType.SEQUENCE;
    }

    @Override
    public boolean supportsInsertReturning() {
        return true;
    }

    @Override
    public String getNoColumnsInsertString() {
        return "default values";
    }

    @Override
    public NameQualifierSupport getNameQualifierSupport() {
        return NameQualifierSupport.SCHEMA;
    }

    @Override
    public String getCurrentSchemaCommand() {
        return "select current_schema()";
    }

    @Override
    public IdentifierHelper buildIdentifierHelper(IdentifierHelperBuilder builder, DatabaseMetaData metadata)
            throws SQLException {
        if (metadata == null) {
            builder.setUnquotedCaseStrategy(IdentifierCaseStrategy.LOWER);
            builder.setQuotedCaseStrategy(IdentifierCaseStrategy.MIXED);
        }
        return super.buildIdentifierHelper(builder, metadata);
    }

    @Override
    public boolean supportsIfExistsBeforeTableName() {
        return true;
    }

    @Override
    public boolean supportsIfExistsBeforeConstraintName() {
        return true;
    }

    @Override
    public boolean supportsIfExistsAfterAlterTable() {
        return true;
    }

    @Override
    public boolean supportsIfExistsBeforeIndexName() {
        return true;
    }

    @Override
    public String getCascadeConstraintsString() {
        // Hibernate drops foreign keys before tables; SBsql admits CASCADE only in some places (§8).
        return "";
    }

    @Override
    public String getAlterColumnTypeString(String columnName, String columnType, String columnDefinition) {
        return "alter column " + columnName + " set data type " + columnType;
    }

    @Override
    public boolean supportsAlterColumnType() {
        return true;
    }

    @Override
    public boolean supportsCommentOn() {
        return true;
    }

    @Override
    public boolean qualifyIndexName() {
        // Index names are unqualified in SBsql DDL (§8).
        return false;
    }

    @Override
    public TemporaryTableStrategy getLocalTemporaryTableStrategy() {
        return ScratchBirdTemporaryTableStrategy.INSTANCE;
    }

    @Override
    public SqmMultiTableMutationStrategy getFallbackSqmMutationStrategy(EntityMappingType entity,
                                                                         RuntimeModelCreationContext context) {
        return new LocalTemporaryTableMutationStrategy(entity, context);
    }

    @Override
    public SqmMultiTableInsertStrategy getFallbackSqmInsertStrategy(EntityMappingType entity,
                                                                     RuntimeModelCreationContext context) {
        return new LocalTemporaryTableInsertStrategy(entity, context);
    }

    @Override
    public boolean canBatchTruncate() {
        return true;
    }

    @Override
    public int getDefaultStatementBatchSize() {
        return 15;
    }

    // ---------------------------------------------------------------- errors

    @Override
    public ViolatedConstraintNameExtractor getViolatedConstraintNameExtractor() {
        return ScratchBirdExceptions.CONSTRAINT_NAMES;
    }

    @Override
    public SQLExceptionConversionDelegate buildSQLExceptionConversionDelegate() {
        return ScratchBirdExceptions.delegate();
    }

    // ---------------------------------------------------------------- SQL rendering

    @Override
    public SqlAstTranslatorFactory getSqlAstTranslatorFactory() {
        return new StandardSqlAstTranslatorFactory() {
            @Override
            protected <T extends JdbcOperation> SqlAstTranslator<T> buildTranslator(
                    SessionFactoryImplementor sessionFactory, Statement statement) {
                return new ScratchBirdSqlAstTranslator<>(sessionFactory, statement);
            }
        };
    }

    /** Upserts ({@code StatelessSession.upsert}, optional secondary tables) are one atomic SBsql MERGE. */
    @Override
    public MutationOperation createOptionalTableUpdateOperation(EntityMutationTarget mutationTarget,
                                                                OptionalTableUpdate optionalTableUpdate,
                                                                SessionFactoryImplementor factory) {
        return new ScratchBirdSqlAstTranslator<>(factory, optionalTableUpdate).createMergeOperation(optionalTableUpdate);
    }

    /** {@code generated by default as identity}; keys come back through {@code returning}. */
    private static final class Identity extends IdentityColumnSupportImpl {
        static final Identity INSTANCE = new Identity();

        @Override
        public boolean supportsIdentityColumns() {
            return true;
        }

        @Override
        public String getIdentityColumnString(int type) {
            return "generated by default as identity";
        }

        @Override
        public boolean hasDataTypeInIdentityColumn() {
            return true;
        }

        /** Names the key columns, so the driver asks for {@code returning id}, not the whole row. */
        @Override
        public GetGeneratedKeysDelegate buildGetGeneratedKeysDelegate(EntityPersister persister) {
            return new GetGeneratedKeysDelegate(persister, false, EventType.INSERT);
        }
    }
}
