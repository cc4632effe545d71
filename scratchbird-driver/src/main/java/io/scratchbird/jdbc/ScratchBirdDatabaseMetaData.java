package io.scratchbird.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import io.scratchbird.wire.codec.TypeOids;

/**
 * Truthful capability answers for ScratchBird. The catalog queries ({@code getTables},
 * {@code getColumns}, …) filter on the server through {@code information_schema} and
 * {@code sys.indexes}/{@code sys.index_columns} (patterns bound to {@code LIKE ? ESCAPE '\'}); the
 * selected rows are mapped to the JDBC layouts (types via {@link JdbcTypes}) by
 * {@link MetaDataResults}, which also builds the computed and empty results.
 */
class ScratchBirdDatabaseMetaData implements DatabaseMetaData {

    /** SBsql words that are keywords but not SQL:2003 keywords (JDBC getSQLKeywords). */
    static final String SQL_KEYWORDS = "ilike,limit,offset,returning,xor,vector,jsonb,int4range,int8range,numrange,tsrange,"
            + "tstzrange,daterange,geometry,sequence,nvl,nvl2";

    final ScratchBirdConnection connection;
    final ConnectionSettings settings;

    ScratchBirdDatabaseMetaData(ScratchBirdConnection connection, ConnectionSettings settings) {
        this.connection = connection;
        this.settings = settings;
    }

    private String productVersion() {
        return connection.serverParameters().getOrDefault("server.version", "ScratchBird SBWP 1.1");
    }


    @Override
    public int getDriverMajorVersion() {
        return ScratchBirdDriver.MAJOR;
    }

    @Override
    public int getDriverMinorVersion() {
        return ScratchBirdDriver.MINOR;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper for " + iface.getName(), "22023");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }

    @Override
    public boolean allProceduresAreCallable() throws SQLException {
        return true;
    }

    @Override
    public boolean allTablesAreSelectable() throws SQLException {
        return true;
    }

    @Override
    public String getURL() throws SQLException {
        return settings.url();
    }

    @Override
    public String getUserName() throws SQLException {
        return connection.user();
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        return connection.isReadOnly();
    }

    @Override
    public boolean nullsAreSortedHigh() throws SQLException {
        return true;
    }

    @Override
    public boolean nullsAreSortedLow() throws SQLException {
        return false;
    }

    @Override
    public boolean nullsAreSortedAtStart() throws SQLException {
        return false;
    }

    @Override
    public boolean nullsAreSortedAtEnd() throws SQLException {
        return false;
    }

    @Override
    public String getDatabaseProductName() throws SQLException {
        return "ScratchBird";
    }

    @Override
    public String getDatabaseProductVersion() throws SQLException {
        return productVersion();
    }

    @Override
    public String getDriverName() throws SQLException {
        return ScratchBirdDriver.NAME;
    }

    @Override
    public String getDriverVersion() throws SQLException {
        return ScratchBirdDriver.VERSION;
    }

    @Override
    public boolean usesLocalFiles() throws SQLException {
        return false;
    }

    @Override
    public boolean usesLocalFilePerTable() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsMixedCaseIdentifiers() throws SQLException {
        return false;
    }

    @Override
    public boolean storesUpperCaseIdentifiers() throws SQLException {
        return false;
    }

    @Override
    public boolean storesLowerCaseIdentifiers() throws SQLException {
        return false;
    }

    @Override
    public boolean storesMixedCaseIdentifiers() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsMixedCaseQuotedIdentifiers() throws SQLException {
        return false;
    }

    @Override
    public boolean storesUpperCaseQuotedIdentifiers() throws SQLException {
        return false;
    }

    @Override
    public boolean storesLowerCaseQuotedIdentifiers() throws SQLException {
        return false;
    }

    @Override
    public boolean storesMixedCaseQuotedIdentifiers() throws SQLException {
        return true;
    }

    @Override
    public String getIdentifierQuoteString() throws SQLException {
        return "\"";
    }

    @Override
    public String getSQLKeywords() throws SQLException {
        return SQL_KEYWORDS;
    }

    @Override
    public String getNumericFunctions() throws SQLException {
        return "abs,ceil,floor,mod,power,round,sqrt,sign,exp,ln,log";
    }

    @Override
    public String getStringFunctions() throws SQLException {
        return "concat,length,lower,upper,substring,position,trim,replace";
    }

    @Override
    public String getSystemFunctions() throws SQLException {
        return "coalesce,nullif,current_user,current_schema";
    }

    @Override
    public String getTimeDateFunctions() throws SQLException {
        return "current_date,current_time,current_timestamp,localtimestamp,now,extract,date_trunc";
    }

    @Override
    public String getSearchStringEscape() throws SQLException {
        return "\\";
    }

    @Override
    public String getExtraNameCharacters() throws SQLException {
        return "";
    }

    @Override
    public boolean supportsAlterTableWithAddColumn() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsAlterTableWithDropColumn() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsColumnAliasing() throws SQLException {
        return true;
    }

    @Override
    public boolean nullPlusNonNullIsNull() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsConvert() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsConvert(int a0, int a1) throws SQLException {
        return false;
    }

    @Override
    public boolean supportsTableCorrelationNames() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsDifferentTableCorrelationNames() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsExpressionsInOrderBy() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsOrderByUnrelated() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsGroupBy() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsGroupByUnrelated() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsGroupByBeyondSelect() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsLikeEscapeClause() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsMultipleResultSets() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsMultipleTransactions() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsNonNullableColumns() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsMinimumSQLGrammar() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsCoreSQLGrammar() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsExtendedSQLGrammar() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsANSI92EntryLevelSQL() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsANSI92IntermediateSQL() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsANSI92FullSQL() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsIntegrityEnhancementFacility() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsOuterJoins() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsFullOuterJoins() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsLimitedOuterJoins() throws SQLException {
        return true;
    }

    @Override
    public String getSchemaTerm() throws SQLException {
        return "schema";
    }

    @Override
    public String getProcedureTerm() throws SQLException {
        return "function";
    }

    @Override
    public String getCatalogTerm() throws SQLException {
        return "database";
    }

    @Override
    public boolean isCatalogAtStart() throws SQLException {
        return true;
    }

    @Override
    public String getCatalogSeparator() throws SQLException {
        return ".";
    }

    @Override
    public boolean supportsSchemasInDataManipulation() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsSchemasInProcedureCalls() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsSchemasInTableDefinitions() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsSchemasInIndexDefinitions() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsSchemasInPrivilegeDefinitions() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsCatalogsInDataManipulation() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsCatalogsInProcedureCalls() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsCatalogsInTableDefinitions() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsCatalogsInIndexDefinitions() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsCatalogsInPrivilegeDefinitions() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsPositionedDelete() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsPositionedUpdate() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsSelectForUpdate() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsStoredProcedures() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsSubqueriesInComparisons() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsSubqueriesInExists() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsSubqueriesInIns() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsSubqueriesInQuantifieds() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsCorrelatedSubqueries() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsUnion() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsUnionAll() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsOpenCursorsAcrossCommit() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsOpenCursorsAcrossRollback() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsOpenStatementsAcrossCommit() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsOpenStatementsAcrossRollback() throws SQLException {
        return true;
    }

    @Override
    public int getMaxBinaryLiteralLength() throws SQLException {
        return 0;
    }

    @Override
    public int getMaxCharLiteralLength() throws SQLException {
        return 0;
    }

    @Override
    public int getMaxColumnNameLength() throws SQLException {
        return 63;
    }

    @Override
    public int getMaxColumnsInGroupBy() throws SQLException {
        return 0;
    }

    @Override
    public int getMaxColumnsInIndex() throws SQLException {
        return 32;
    }

    @Override
    public int getMaxColumnsInOrderBy() throws SQLException {
        return 0;
    }

    @Override
    public int getMaxColumnsInSelect() throws SQLException {
        return 0;
    }

    @Override
    public int getMaxColumnsInTable() throws SQLException {
        return 1600;
    }

    @Override
    public int getMaxConnections() throws SQLException {
        return 0;
    }

    @Override
    public int getMaxCursorNameLength() throws SQLException {
        return 63;
    }

    @Override
    public int getMaxIndexLength() throws SQLException {
        return 0;
    }

    @Override
    public int getMaxSchemaNameLength() throws SQLException {
        return 63;
    }

    @Override
    public int getMaxProcedureNameLength() throws SQLException {
        return 63;
    }

    @Override
    public int getMaxCatalogNameLength() throws SQLException {
        return 63;
    }

    @Override
    public int getMaxRowSize() throws SQLException {
        return 0;
    }

    @Override
    public boolean doesMaxRowSizeIncludeBlobs() throws SQLException {
        return false;
    }

    @Override
    public int getMaxStatementLength() throws SQLException {
        return 0;
    }

    @Override
    public int getMaxStatements() throws SQLException {
        return 0;
    }

    @Override
    public int getMaxTableNameLength() throws SQLException {
        return 63;
    }

    @Override
    public int getMaxTablesInSelect() throws SQLException {
        return 0;
    }

    @Override
    public int getMaxUserNameLength() throws SQLException {
        return 63;
    }

    @Override
    public int getDefaultTransactionIsolation() throws SQLException {
        return Connection.TRANSACTION_READ_COMMITTED;
    }

    @Override
    public boolean supportsTransactions() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsTransactionIsolationLevel(int a0) throws SQLException {
        return a0 == Connection.TRANSACTION_READ_COMMITTED || a0 == Connection.TRANSACTION_REPEATABLE_READ || a0 == Connection.TRANSACTION_SERIALIZABLE || a0 == Connection.TRANSACTION_READ_UNCOMMITTED;
    }

    @Override
    public boolean supportsDataDefinitionAndDataManipulationTransactions() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsDataManipulationTransactionsOnly() throws SQLException {
        return false;
    }

    @Override
    public boolean dataDefinitionCausesTransactionCommit() throws SQLException {
        return true;
    }

    @Override
    public boolean dataDefinitionIgnoredInTransactions() throws SQLException {
        return false;
    }


















    @Override
    public boolean supportsResultSetType(int a0) throws SQLException {
        return a0 != ResultSet.TYPE_SCROLL_SENSITIVE;
    }

    @Override
    public boolean supportsResultSetConcurrency(int a0, int a1) throws SQLException {
        return a1 == ResultSet.CONCUR_READ_ONLY && a0 != ResultSet.TYPE_SCROLL_SENSITIVE;
    }

    @Override
    public boolean ownUpdatesAreVisible(int a0) throws SQLException {
        return false;
    }

    @Override
    public boolean ownDeletesAreVisible(int a0) throws SQLException {
        return false;
    }

    @Override
    public boolean ownInsertsAreVisible(int a0) throws SQLException {
        return false;
    }

    @Override
    public boolean othersUpdatesAreVisible(int a0) throws SQLException {
        return false;
    }

    @Override
    public boolean othersDeletesAreVisible(int a0) throws SQLException {
        return false;
    }

    @Override
    public boolean othersInsertsAreVisible(int a0) throws SQLException {
        return false;
    }

    @Override
    public boolean updatesAreDetected(int a0) throws SQLException {
        return false;
    }

    @Override
    public boolean deletesAreDetected(int a0) throws SQLException {
        return false;
    }

    @Override
    public boolean insertsAreDetected(int a0) throws SQLException {
        return false;
    }

    @Override
    public boolean supportsBatchUpdates() throws SQLException {
        return true;
    }


    @Override
    public Connection getConnection() throws SQLException {
        return connection;
    }

    @Override
    public boolean supportsSavepoints() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsNamedParameters() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsMultipleOpenResults() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsGetGeneratedKeys() throws SQLException {
        return true;
    }




    @Override
    public boolean supportsResultSetHoldability(int a0) throws SQLException {
        return a0 == ResultSet.HOLD_CURSORS_OVER_COMMIT;
    }

    @Override
    public int getResultSetHoldability() throws SQLException {
        return ResultSet.HOLD_CURSORS_OVER_COMMIT;
    }

    @Override
    public int getDatabaseMajorVersion() throws SQLException {
        return 1;
    }

    @Override
    public int getDatabaseMinorVersion() throws SQLException {
        return 0;
    }

    @Override
    public int getJDBCMajorVersion() throws SQLException {
        return 4;
    }

    @Override
    public int getJDBCMinorVersion() throws SQLException {
        return 3;
    }

    @Override
    public int getSQLStateType() throws SQLException {
        return DatabaseMetaData.sqlStateSQL;
    }

    @Override
    public boolean locatorsUpdateCopy() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsStatementPooling() throws SQLException {
        return false;
    }

    @Override
    public RowIdLifetime getRowIdLifetime() throws SQLException {
        return RowIdLifetime.ROWID_UNSUPPORTED;
    }


    @Override
    public boolean supportsStoredFunctionsUsingCallSyntax() throws SQLException {
        return true;
    }

    @Override
    public boolean autoCommitFailureClosesAllResultSets() throws SQLException {
        return false;
    }





    @Override
    public boolean generatedKeyAlwaysReturned() throws SQLException {
        return true;
    }

    // ------------------------------------------------------------------ catalog queries
    //
    // Every query filters on the server: patterns are bound as parameters of LIKE ? ESCAPE '\',
    // names as parameters of = ?; Java only maps the selected rows to the JDBC layout.

    /**
     * A WHERE clause of bound conditions; never holds caller text. Names are matched without
     * regard to case, as the engine resolves identifiers (quoted ones too), so a name given in
     * another case than the stored one finds the object SQL would find.
     */
    private static final class Where {
        private final StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
        private final List<String> params = new ArrayList<>();

        Where like(String column, String pattern) {
            if (pattern != null) {
                sql.append(" AND LOWER(").append(column).append(") LIKE LOWER(?) ESCAPE '\\'");
                params.add(pattern);
            }
            return this;
        }

        Where eq(String column, String value) {
            if (value != null) {
                sql.append(" AND LOWER(").append(column).append(") = LOWER(?)");
                params.add(value);
            }
            return this;
        }

        Where in(String column, String[] values) {
            if (values != null) {
                sql.append(" AND ").append(column).append(" IN (");
                if (values.length == 0) {
                    sql.append("NULL");
                }
                for (int i = 0; i < values.length; i++) {
                    sql.append(i == 0 ? "?" : ", ?");
                    params.add(values[i]);
                }
                sql.append(')');
            }
            return this;
        }

        Where raw(String condition) {
            sql.append(" AND ").append(condition);
            return this;
        }
    }

    /** Runs a catalog query and returns its rows as objects ({@code getObject}). */
    private List<Object[]> query(String select, Where where, String orderBy) throws SQLException {
        String sql = select + (where == null ? "" : where.sql) + (orderBy == null ? "" : " ORDER BY " + orderBy);
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            if (where != null) {
                for (int i = 0; i < where.params.size(); i++) {
                    ps.setString(i + 1, where.params.get(i));
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[n];
                    for (int i = 0; i < n; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private static MetaDataResults layout(Object... labelsAndOids) {
        return MetaDataResults.of(labelsAndOids);
    }

    private static final int T = MetaDataResults.TEXT;
    private static final int I = MetaDataResults.INT;
    private static final int S = MetaDataResults.SHORT;
    private static final int L = MetaDataResults.LONG;
    private static final int B = MetaDataResults.BOOL;

    private static Integer integer(Object o) {
        return o == null ? null : ((Number) o).intValue();
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    /** JDBC table type of information_schema.tables.table_type. */
    private static final String TABLE_TYPE = "CASE WHEN table_type = 'BASE TABLE' THEN 'TABLE' "
            + "WHEN table_type LIKE '%TEMPORARY%' THEN 'LOCAL TEMPORARY' ELSE table_type END";

    @Override
    public ResultSet getTables(String catalog, String schemaPattern, String tableNamePattern, String[] types)
            throws SQLException {
        MetaDataResults r = layout("TABLE_CAT", T, "TABLE_SCHEM", T, "TABLE_NAME", T, "TABLE_TYPE", T, "REMARKS", T,
                "TYPE_CAT", T, "TYPE_SCHEM", T, "TYPE_NAME", T, "SELF_REFERENCING_COL_NAME", T, "REF_GENERATION", T);
        Where w = new Where().eq("table_catalog", catalog).like("table_schema", schemaPattern)
                .like("table_name", tableNamePattern).in(TABLE_TYPE, types);
        for (Object[] row : query("SELECT table_catalog, table_schema, table_name, " + TABLE_TYPE + " AS jdbc_type, remarks "
                + "FROM information_schema.tables", w, "4, 1, 2, 3")) {
            r.row(row[0], row[1], row[2], row[3], row[4], null, null, null, null, null);
        }
        return r.build();
    }

    @Override
    public ResultSet getTableTypes() throws SQLException {
        return layout("TABLE_TYPE", T).row("LOCAL TEMPORARY").row("TABLE").row("VIEW").build();
    }

    @Override
    public ResultSet getSchemas() throws SQLException {
        return getSchemas(null, null);
    }

    @Override
    public ResultSet getSchemas(String catalog, String schemaPattern) throws SQLException {
        MetaDataResults r = layout("TABLE_SCHEM", T, "TABLE_CATALOG", T);
        Where w = new Where().eq("catalog_name", catalog).like("schema_name", schemaPattern);
        for (Object[] row : query("SELECT schema_name, catalog_name FROM information_schema.schemata", w, "2, 1")) {
            r.row(row[0], row[1]);
        }
        return r.build();
    }

    @Override
    public ResultSet getCatalogs() throws SQLException {
        MetaDataResults r = layout("TABLE_CAT", T);
        for (Object[] row : query("SELECT DISTINCT catalog_name FROM information_schema.schemata", null, "1")) {
            r.row(row[0]);
        }
        return r.build();
    }

    @Override
    public ResultSet getColumns(String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern)
            throws SQLException {
        MetaDataResults r = layout("TABLE_CAT", T, "TABLE_SCHEM", T, "TABLE_NAME", T, "COLUMN_NAME", T, "DATA_TYPE", I,
                "TYPE_NAME", T, "COLUMN_SIZE", I, "BUFFER_LENGTH", I, "DECIMAL_DIGITS", I, "NUM_PREC_RADIX", I,
                "NULLABLE", I, "REMARKS", T, "COLUMN_DEF", T, "SQL_DATA_TYPE", I, "SQL_DATETIME_SUB", I,
                "CHAR_OCTET_LENGTH", I, "ORDINAL_POSITION", I, "IS_NULLABLE", T, "SCOPE_CATALOG", T, "SCOPE_SCHEMA", T,
                "SCOPE_TABLE", T, "SOURCE_DATA_TYPE", S, "IS_AUTOINCREMENT", T, "IS_GENERATEDCOLUMN", T);
        Where w = new Where().eq("table_catalog", catalog).like("table_schema", schemaPattern)
                .like("table_name", tableNamePattern).like("column_name", columnNamePattern);
        for (Object[] c : query("SELECT table_catalog, table_schema, table_name, column_name, ordinal_position, "
                + "column_default, is_nullable, data_type, character_maximum_length, character_octet_length, "
                + "numeric_precision, numeric_scale, datetime_precision, udt_name, type_oid, is_identity, "
                + "is_generated, remarks FROM information_schema.columns", w, "1, 2, 3, 5")) {
            int oid = c[14] == null ? 0 : integer(c[14]);
            String baseName = str(c[7]);
            String fullName = str(c[13]);
            Integer charLength = integer(c[8]);
            TypeShape shape = TypeShape.of(oid, baseName, fullName, charLength, integer(c[10]), integer(c[11]),
                    integer(c[12]));
            boolean nullable = "YES".equalsIgnoreCase(str(c[6]));
            String generated = str(c[16]);
            r.row(c[0], c[1], c[2], c[3], shape.sqlType, shape.typeName, shape.size, null, shape.digits, shape.radix,
                    nullable ? columnNullable : columnNoNulls, c[17], c[5], null, null,
                    charLength == null ? null : integer(c[9]), c[4], nullable ? "YES" : "NO", null, null, null, null,
                    "YES".equalsIgnoreCase(str(c[15])) ? "YES" : "NO",
                    generated != null && !"NEVER".equalsIgnoreCase(generated) ? "YES" : "NO");
        }
        return r.build();
    }

    /** JDBC type code, name, size, decimal digits and radix of a column type. */
    private record TypeShape(int sqlType, String typeName, Integer size, Integer digits, Integer radix) {

        static TypeShape of(int oid, String baseName, String fullName, Integer charLength, Integer numericPrecision,
                Integer numericScale, Integer datetimePrecision) {
            int sqlType = JdbcTypes.sqlType(oid);
            String name = JdbcTypes.typeName(oid);
            if ("unknown".equals(name) || (oid == TypeOids.POINT && baseName != null)
                    || (name.startsWith("_") && baseName != null)) {
                name = baseName;   // geography, array<t>, … keep the server's SBsql name
            }
            Integer size;
            Integer digits = null;
            Integer radix = null;
            switch (sqlType) {
                case Types.SMALLINT, Types.INTEGER, Types.BIGINT -> {
                    size = JdbcTypes.precision(oid, 0);
                    digits = 0;
                    radix = 10;
                }
                case Types.REAL, Types.DOUBLE -> {
                    size = JdbcTypes.precision(oid, 0);
                    radix = 10;
                }
                case Types.NUMERIC -> {
                    size = numericPrecision != null && numericPrecision > 0 ? numericPrecision : 1000;
                    digits = numericScale == null ? 0 : numericScale;
                    radix = 10;
                }
                case Types.CHAR, Types.VARCHAR -> size = charLength != null && charLength > 0 ? charLength : Integer.MAX_VALUE;
                case Types.DATE, Types.TIME, Types.TIME_WITH_TIMEZONE, Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> {
                    size = oid == TypeOids.TIMETZ ? 21 : JdbcTypes.precision(oid, 0);
                    digits = sqlType == Types.DATE ? null : datetimePrecision;
                }
                case Types.BOOLEAN -> size = 1;
                case Types.BINARY -> size = Integer.MAX_VALUE;
                default -> {
                    int fixed = JdbcTypes.precision(oid, 0);   // uuid: 36
                    size = oid == TypeOids.VECTOR ? dimension(fullName) : fixed > 0 ? Integer.valueOf(fixed) : null;
                }
            }
            return new TypeShape(sqlType, name, size, digits, radix);
        }

        /** {@code n} of {@code vector(n)}, or null. */
        private static Integer dimension(String fullName) {
            if (fullName == null) {
                return null;
            }
            int open = fullName.indexOf('(');
            int close = fullName.indexOf(')', open + 1);
            if (open < 0 || close < 0) {
                return null;
            }
            try {
                return Integer.parseInt(fullName.substring(open + 1, close).trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    @Override
    public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
        MetaDataResults r = layout("TABLE_CAT", T, "TABLE_SCHEM", T, "TABLE_NAME", T, "COLUMN_NAME", T, "KEY_SEQ", S,
                "PK_NAME", T);
        Where w = new Where().raw("c.constraint_type = 'PRIMARY KEY'").eq("c.table_catalog", catalog)
                .eq("c.table_schema", schema).eq("c.table_name", table);
        for (Object[] row : query("SELECT k.table_catalog, k.table_schema, k.table_name, k.column_name, k.ordinal_position, "
                + "k.constraint_name FROM information_schema.table_constraints c "
                + "JOIN information_schema.key_column_usage k ON k.constraint_schema = c.constraint_schema "
                + "AND k.constraint_name = c.constraint_name AND k.table_schema = c.table_schema "
                + "AND k.table_name = c.table_name", w, "1, 2, 3, 4")) {
            r.row(row);
        }
        return r.build();
    }

    private static final String KEYS = "SELECT pk.table_catalog, pk.table_schema, pk.table_name, pk.column_name, "
            + "fk.table_catalog, fk.table_schema, fk.table_name, fk.column_name, fk.ordinal_position, rc.update_rule, "
            + "rc.delete_rule, rc.constraint_name, rc.unique_constraint_name "
            + "FROM information_schema.referential_constraints rc "
            + "JOIN information_schema.key_column_usage fk ON fk.constraint_schema = rc.constraint_schema "
            + "AND fk.constraint_name = rc.constraint_name "
            + "JOIN information_schema.key_column_usage pk ON pk.constraint_schema = rc.unique_constraint_schema "
            + "AND pk.constraint_name = rc.unique_constraint_name AND pk.ordinal_position = fk.position_in_unique_constraint";

    private ResultSet keys(Where w, String orderBy) throws SQLException {
        MetaDataResults r = layout("PKTABLE_CAT", T, "PKTABLE_SCHEM", T, "PKTABLE_NAME", T, "PKCOLUMN_NAME", T,
                "FKTABLE_CAT", T, "FKTABLE_SCHEM", T, "FKTABLE_NAME", T, "FKCOLUMN_NAME", T, "KEY_SEQ", S,
                "UPDATE_RULE", S, "DELETE_RULE", S, "FK_NAME", T, "PK_NAME", T, "DEFERRABILITY", S);
        for (Object[] k : query(KEYS, w, orderBy)) {
            r.row(k[0], k[1], k[2], k[3], k[4], k[5], k[6], k[7], k[8], rule(str(k[9])), rule(str(k[10])), k[11], k[12],
                    importedKeyNotDeferrable);
        }
        return r.build();
    }

    private static int rule(String rule) {
        if (rule == null) {
            return importedKeyNoAction;
        }
        return switch (rule.toUpperCase(java.util.Locale.ROOT)) {
            case "CASCADE" -> importedKeyCascade;
            case "RESTRICT" -> importedKeyRestrict;
            case "SET NULL" -> importedKeySetNull;
            case "SET DEFAULT" -> importedKeySetDefault;
            default -> importedKeyNoAction;
        };
    }

    @Override
    public ResultSet getImportedKeys(String catalog, String schema, String table) throws SQLException {
        return keys(new Where().eq("fk.table_catalog", catalog).eq("fk.table_schema", schema).eq("fk.table_name", table),
                "1, 2, 3, 9");
    }

    @Override
    public ResultSet getExportedKeys(String catalog, String schema, String table) throws SQLException {
        return keys(new Where().eq("pk.table_catalog", catalog).eq("pk.table_schema", schema).eq("pk.table_name", table),
                "5, 6, 7, 9");
    }

    @Override
    public ResultSet getCrossReference(String parentCatalog, String parentSchema, String parentTable,
            String foreignCatalog, String foreignSchema, String foreignTable) throws SQLException {
        return keys(new Where().eq("pk.table_catalog", parentCatalog).eq("pk.table_schema", parentSchema)
                .eq("pk.table_name", parentTable).eq("fk.table_catalog", foreignCatalog)
                .eq("fk.table_schema", foreignSchema).eq("fk.table_name", foreignTable), "5, 6, 7, 9");
    }

    @Override
    public ResultSet getIndexInfo(String catalog, String schema, String table, boolean unique, boolean approximate)
            throws SQLException {
        MetaDataResults r = layout("TABLE_CAT", T, "TABLE_SCHEM", T, "TABLE_NAME", T, "NON_UNIQUE", B,
                "INDEX_QUALIFIER", T, "INDEX_NAME", T, "TYPE", S, "ORDINAL_POSITION", S, "COLUMN_NAME", T,
                "ASC_OR_DESC", T, "CARDINALITY", L, "PAGES", L, "FILTER_CONDITION", T);
        Where w = new Where().raw("NOT ic.is_included").eq("current_database()", catalog).eq("i.schema_name", schema)
                .eq("i.table_name", table);
        if (unique) {
            w.raw("i.is_unique");
        }
        for (Object[] x : query("SELECT current_database(), i.schema_name, i.table_name, i.is_unique, i.index_name, "
                + "i.index_type, ic.ordinal_position, ic.column_name, ic.is_descending, i.estimated_cardinality, "
                + "i.estimated_pages, i.filter_condition "
                + "FROM sys.indexes i JOIN sys.index_columns ic ON ic.index_id = i.index_id", w,
                "4 DESC, CASE WHEN LOWER(i.index_type) = 'hash' THEN 2 ELSE 3 END, 5, 7")) {
            boolean isUnique = Boolean.TRUE.equals(x[3]);
            short type = "hash".equalsIgnoreCase(str(x[5])) ? tableIndexHashed : tableIndexOther;
            r.row(x[0], x[1], x[2], !isUnique, null, x[4], type, x[6], x[7],
                    Boolean.TRUE.equals(x[8]) ? "D" : "A", x[9], x[10], x[11]);
        }
        return r.build();
    }

    @Override
    public ResultSet getFunctions(String catalog, String schemaPattern, String functionNamePattern) throws SQLException {
        MetaDataResults r = layout("FUNCTION_CAT", T, "FUNCTION_SCHEM", T, "FUNCTION_NAME", T, "REMARKS", T,
                "FUNCTION_TYPE", S, "SPECIFIC_NAME", T);
        Where w = new Where().raw("routine_type = 'FUNCTION'").eq("routine_catalog", catalog)
                .like("routine_schema", schemaPattern).like("routine_name", functionNamePattern);
        for (Object[] f : query("SELECT routine_catalog, routine_schema, routine_name, specific_name "
                + "FROM information_schema.routines", w, "1, 2, 3, 4")) {
            r.row(f[0], f[1], f[2], null, functionResultUnknown, f[3]);
        }
        return r.build();
    }

    @Override
    public ResultSet getProcedures(String catalog, String schemaPattern, String procedureNamePattern) throws SQLException {
        MetaDataResults r = layout("PROCEDURE_CAT", T, "PROCEDURE_SCHEM", T, "PROCEDURE_NAME", T, "RESERVED1", T,
                "RESERVED2", T, "RESERVED3", T, "REMARKS", T, "PROCEDURE_TYPE", S, "SPECIFIC_NAME", T);
        Where w = new Where().raw("routine_type = 'PROCEDURE'").eq("routine_catalog", catalog)
                .like("routine_schema", schemaPattern).like("routine_name", procedureNamePattern);
        for (Object[] p : query("SELECT routine_catalog, routine_schema, routine_name, specific_name "
                + "FROM information_schema.routines", w, "1, 2, 3, 4")) {
            r.row(p[0], p[1], p[2], null, null, null, null, procedureNoResult, p[3]);
        }
        return r.build();
    }

    @Override
    public ResultSet getProcedureColumns(String catalog, String schemaPattern, String procedureNamePattern,
            String columnNamePattern) throws SQLException {
        // information_schema.parameters is empty: the server has no user-defined routines.
        return layout("PROCEDURE_CAT", T, "PROCEDURE_SCHEM", T, "PROCEDURE_NAME", T, "COLUMN_NAME", T, "COLUMN_TYPE", S,
                "DATA_TYPE", I, "TYPE_NAME", T, "PRECISION", I, "LENGTH", I, "SCALE", S, "RADIX", S, "NULLABLE", S,
                "REMARKS", T, "COLUMN_DEF", T, "SQL_DATA_TYPE", I, "SQL_DATETIME_SUB", I, "CHAR_OCTET_LENGTH", I,
                "ORDINAL_POSITION", I, "IS_NULLABLE", T, "SPECIFIC_NAME", T).build();
    }

    @Override
    public ResultSet getFunctionColumns(String catalog, String schemaPattern, String functionNamePattern,
            String columnNamePattern) throws SQLException {
        // information_schema.parameters is empty: the library functions' signatures are not catalogued.
        return layout("FUNCTION_CAT", T, "FUNCTION_SCHEM", T, "FUNCTION_NAME", T, "COLUMN_NAME", T, "COLUMN_TYPE", S,
                "DATA_TYPE", I, "TYPE_NAME", T, "PRECISION", I, "LENGTH", I, "SCALE", S, "RADIX", S, "NULLABLE", S,
                "REMARKS", T, "CHAR_OCTET_LENGTH", I, "ORDINAL_POSITION", I, "IS_NULLABLE", T, "SPECIFIC_NAME", T).build();
    }

    @Override
    public ResultSet getTypeInfo() throws SQLException {
        MetaDataResults r = layout("TYPE_NAME", T, "DATA_TYPE", I, "PRECISION", I, "LITERAL_PREFIX", T,
                "LITERAL_SUFFIX", T, "CREATE_PARAMS", T, "NULLABLE", S, "CASE_SENSITIVE", B, "SEARCHABLE", S,
                "UNSIGNED_ATTRIBUTE", B, "FIXED_PREC_SCALE", B, "AUTO_INCREMENT", B, "LOCAL_TYPE_NAME", T,
                "MINIMUM_SCALE", S, "MAXIMUM_SCALE", S, "SQL_DATA_TYPE", I, "SQL_DATETIME_SUB", I, "NUM_PREC_RADIX", I);
        List<Object[]> types = new ArrayList<>();
        // name, oid, precision, prefix/suffix quote, create params, case sensitive, searchable, auto-increment, max scale
        typeRow(types, "boolean", TypeOids.BOOL, 1, null, null, false, typePredBasic, false, 0);
        typeRow(types, "smallint", TypeOids.INT2, 5, null, null, false, typePredBasic, true, 0);
        typeRow(types, "integer", TypeOids.INT4, 10, null, null, false, typePredBasic, true, 0);
        typeRow(types, "bigint", TypeOids.INT8, 19, null, null, false, typePredBasic, true, 0);
        typeRow(types, "real", TypeOids.FLOAT4, 8, null, null, false, typePredBasic, false, 0);
        typeRow(types, "double precision", TypeOids.FLOAT8, 17, null, null, false, typePredBasic, false, 0);
        typeRow(types, "numeric", TypeOids.NUMERIC, 1000, null, "precision,scale", false, typePredBasic, false, 1000);
        typeRow(types, "char", TypeOids.BPCHAR, 1_000_000_000, "'", "length", true, typeSearchable, false, 0);
        typeRow(types, "varchar", TypeOids.VARCHAR, 1_000_000_000, "'", "length", true, typeSearchable, false, 0);
        typeRow(types, "text", TypeOids.TEXT, Integer.MAX_VALUE, "'", null, true, typeSearchable, false, 0);
        typeRow(types, "bytea", TypeOids.BYTEA, Integer.MAX_VALUE, "'", null, false, typePredBasic, false, 0);
        typeRow(types, "date", TypeOids.DATE, 13, "'", null, false, typePredBasic, false, 0);
        typeRow(types, "time", TypeOids.TIME, 15, "'", null, false, typePredBasic, false, 6);
        typeRow(types, "timetz", TypeOids.TIMETZ, 21, "'", null, false, typePredBasic, false, 6);
        typeRow(types, "timestamp", TypeOids.TIMESTAMP, 29, "'", null, false, typePredBasic, false, 6);
        typeRow(types, "timestamptz", TypeOids.TIMESTAMPTZ, 35, "'", null, false, typePredBasic, false, 6);
        typeRow(types, "interval", TypeOids.INTERVAL, 49, "'", null, false, typePredBasic, false, 6);
        typeRow(types, "uuid", TypeOids.UUID, 36, "'", null, false, typePredBasic, false, 0);
        typeRow(types, "json", TypeOids.JSON, Integer.MAX_VALUE, "'", null, true, typePredNone, false, 0);
        typeRow(types, "jsonb", TypeOids.JSONB, Integer.MAX_VALUE, "'", null, true, typePredNone, false, 0);
        typeRow(types, "geometry", TypeOids.POINT, Integer.MAX_VALUE, "'", null, false, typePredNone, false, 0);
        typeRow(types, "geography", TypeOids.POINT, Integer.MAX_VALUE, "'", null, false, typePredNone, false, 0);
        typeRow(types, "vector", TypeOids.VECTOR, 16000, "'", "dimensions", false, typePredNone, false, 0);
        typeRow(types, "int4range", TypeOids.INT4RANGE, Integer.MAX_VALUE, "'", null, false, typePredBasic, false, 0);
        typeRow(types, "int8range", TypeOids.INT8RANGE, Integer.MAX_VALUE, "'", null, false, typePredBasic, false, 0);
        typeRow(types, "numrange", TypeOids.NUMRANGE, Integer.MAX_VALUE, "'", null, false, typePredBasic, false, 0);
        typeRow(types, "daterange", TypeOids.DATERANGE, Integer.MAX_VALUE, "'", null, false, typePredBasic, false, 0);
        typeRow(types, "tsrange", TypeOids.TSRANGE, Integer.MAX_VALUE, "'", null, false, typePredBasic, false, 0);
        typeRow(types, "tstzrange", TypeOids.TSTZRANGE, Integer.MAX_VALUE, "'", null, false, typePredBasic, false, 0);
        types.sort(java.util.Comparator.comparingInt(t -> (Integer) t[1]));   // stable: closest match first
        for (Object[] t : types) {
            r.row(t);
        }
        return r.build();
    }

    private static void typeRow(List<Object[]> rows, String name, int oid, int precision, String quote,
            String createParams, boolean caseSensitive, int searchable, boolean autoIncrement, int maxScale) {
        int sqlType = JdbcTypes.sqlType(oid);
        boolean numeric = sqlType == Types.SMALLINT || sqlType == Types.INTEGER || sqlType == Types.BIGINT
                || sqlType == Types.REAL || sqlType == Types.DOUBLE || sqlType == Types.NUMERIC;
        rows.add(new Object[] {name, sqlType, precision, quote, quote, createParams, typeNullable, caseSensitive,
                searchable, false, false, autoIncrement, name, 0, maxScale, null, null,
                numeric ? 10 : null});
    }

    @Override
    public ResultSet getClientInfoProperties() throws SQLException {
        return layout("NAME", T, "MAX_LEN", I, "DEFAULT_VALUE", T, "DESCRIPTION", T)
                .row("ApplicationName", 63, ScratchBirdProperty.APPLICATION_NAME.defaultValue(),
                        "Application name (Connection.setClientInfo keeps it in the driver)")
                .build();
    }

    @Override
    public ResultSet getSuperTables(String catalog, String schemaPattern, String tableNamePattern) throws SQLException {
        return layout("TABLE_CAT", T, "TABLE_SCHEM", T, "TABLE_NAME", T, "SUPERTABLE_NAME", T).build();
    }

    @Override
    public ResultSet getSuperTypes(String catalog, String schemaPattern, String typeNamePattern) throws SQLException {
        return layout("TYPE_CAT", T, "TYPE_SCHEM", T, "TYPE_NAME", T, "SUPERTYPE_CAT", T, "SUPERTYPE_SCHEM", T,
                "SUPERTYPE_NAME", T).build();
    }

    @Override
    public ResultSet getUDTs(String catalog, String schemaPattern, String typeNamePattern, int[] types)
            throws SQLException {
        // information_schema.user_defined_types is empty: no user-defined types.
        return layout("TYPE_CAT", T, "TYPE_SCHEM", T, "TYPE_NAME", T, "CLASS_NAME", T, "DATA_TYPE", I, "REMARKS", T,
                "BASE_TYPE", S).build();
    }

    @Override
    public ResultSet getAttributes(String catalog, String schemaPattern, String typeNamePattern,
            String attributeNamePattern) throws SQLException {
        return layout("TYPE_CAT", T, "TYPE_SCHEM", T, "TYPE_NAME", T, "ATTR_NAME", T, "DATA_TYPE", I,
                "ATTR_TYPE_NAME", T, "ATTR_SIZE", I, "DECIMAL_DIGITS", I, "NUM_PREC_RADIX", I, "NULLABLE", I,
                "REMARKS", T, "ATTR_DEF", T, "SQL_DATA_TYPE", I, "SQL_DATETIME_SUB", I, "CHAR_OCTET_LENGTH", I,
                "ORDINAL_POSITION", I, "IS_NULLABLE", T, "SCOPE_CATALOG", T, "SCOPE_SCHEMA", T, "SCOPE_TABLE", T,
                "SOURCE_DATA_TYPE", S).build();
    }

    @Override
    public ResultSet getColumnPrivileges(String catalog, String schema, String table, String columnNamePattern)
            throws SQLException {
        // No privilege model: information_schema.column_privileges is empty.
        return layout("TABLE_CAT", T, "TABLE_SCHEM", T, "TABLE_NAME", T, "COLUMN_NAME", T, "GRANTOR", T, "GRANTEE", T,
                "PRIVILEGE", T, "IS_GRANTABLE", T).build();
    }

    @Override
    public ResultSet getTablePrivileges(String catalog, String schemaPattern, String tableNamePattern)
            throws SQLException {
        // No privilege model: information_schema.table_privileges is empty.
        return layout("TABLE_CAT", T, "TABLE_SCHEM", T, "TABLE_NAME", T, "GRANTOR", T, "GRANTEE", T, "PRIVILEGE", T,
                "IS_GRANTABLE", T).build();
    }

    @Override
    public ResultSet getVersionColumns(String catalog, String schema, String table) throws SQLException {
        return layout("SCOPE", S, "COLUMN_NAME", T, "DATA_TYPE", I, "TYPE_NAME", T, "COLUMN_SIZE", I,
                "BUFFER_LENGTH", I, "DECIMAL_DIGITS", S, "PSEUDO_COLUMN", S).build();
    }

    @Override
    public ResultSet getBestRowIdentifier(String catalog, String schema, String table, int scope, boolean nullable)
            throws SQLException {
        return layout("SCOPE", S, "COLUMN_NAME", T, "DATA_TYPE", I, "TYPE_NAME", T, "COLUMN_SIZE", I,
                "BUFFER_LENGTH", I, "DECIMAL_DIGITS", S, "PSEUDO_COLUMN", S).build();
    }

    @Override
    public ResultSet getPseudoColumns(String catalog, String schemaPattern, String tableNamePattern,
            String columnNamePattern) throws SQLException {
        return layout("TABLE_CAT", T, "TABLE_SCHEM", T, "TABLE_NAME", T, "COLUMN_NAME", T, "DATA_TYPE", I,
                "COLUMN_SIZE", I, "DECIMAL_DIGITS", I, "NUM_PREC_RADIX", I, "COLUMN_USAGE", T, "REMARKS", T,
                "CHAR_OCTET_LENGTH", I, "IS_NULLABLE", T).build();
    }
}
