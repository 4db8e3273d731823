package dev.surrealj.jdbc;

import dev.surrealj.rpc.QueryResult;
import dev.surrealj.rpc.SurrealException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A minimal {@link DatabaseMetaData}: the identity and capability answers tools ask on connect, the
 * namespaces ({@code getCatalogs}), databases ({@code getSchemas}) and tables ({@code getTables}, of
 * the current namespace and database) read with {@code INFO FOR …}, and correctly shaped <em>empty</em>
 * result sets for everything else (columns, keys, indexes, functions …). No method throws except on a
 * closed connection (08003); a server that refuses an {@code INFO} statement gives an empty answer.
 *
 * <p>Catalog = namespace, schema = database; identifiers are quoted with a backtick; names are
 * case-sensitive. Name patterns follow {@code LIKE} ({@code %}, {@code _}, escape {@code \}).
 */
final class SurrealDatabaseMetaData implements DatabaseMetaData {
    private final SurrealConnectionImpl connection;

    SurrealDatabaseMetaData(SurrealConnectionImpl connection) {
        this.connection = connection;
    }

    // ================================================================== identity

    @Override
    public String getURL() {
        return connection.url().toString();
    }

    @Override
    public String getUserName() {
        String u = connection.properties().user();
        return u != null ? u : connection.properties().access();
    }

    @Override
    public String getDatabaseProductName() {
        return "SurrealDB";
    }

    @Override
    public String getDatabaseProductVersion() {
        String v = connection.client().serverVersion();
        return v.startsWith("surrealdb-") ? v.substring("surrealdb-".length()) : v;
    }

    @Override
    public int getDatabaseMajorVersion() {
        return versionPart(0);
    }

    @Override
    public int getDatabaseMinorVersion() {
        return versionPart(1);
    }

    private int versionPart(int i) {
        String[] parts = getDatabaseProductVersion().split("[.\\-+]");
        if (i < parts.length) {
            try {
                return Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    @Override
    public String getDriverName() {
        return SurrealDriver.NAME;
    }

    @Override
    public String getDriverVersion() {
        return SurrealDriver.VERSION;
    }

    @Override
    public int getDriverMajorVersion() {
        return SurrealDriver.MAJOR_VERSION;
    }

    @Override
    public int getDriverMinorVersion() {
        return SurrealDriver.MINOR_VERSION;
    }

    @Override
    public int getJDBCMajorVersion() {
        return 4;
    }

    @Override
    public int getJDBCMinorVersion() {
        return 3;
    }

    @Override
    public Connection getConnection() throws SQLException {
        connection.checkOpen();
        return connection;
    }

    // ================================================================== dialect

    @Override
    public String getIdentifierQuoteString() {
        return "`";
    }

    @Override
    public String getSQLKeywords() {
        return "ASSERT,BEGIN,CANCEL,CONTENT,DEFINE,EVENT,FETCH,FIELD,FUNCTION,IF,INFO,KILL,LET,LIVE,MERGE,NONE,"
                + "NAMESPACE,OMIT,ONLY,PARALLEL,PATCH,RELATE,REMOVE,REPLACE,RETURN,SCHEMAFULL,SCHEMALESS,SLEEP,"
                + "SPLIT,START,THROW,TIMEOUT,UPSERT,USE,VALUE";
    }

    @Override
    public String getNumericFunctions() {
        return "math::abs,math::ceil,math::floor,math::max,math::min,math::pow,math::round,math::sqrt,math::sum";
    }

    @Override
    public String getStringFunctions() {
        return "string::concat,string::contains,string::len,string::lowercase,string::replace,string::slice,"
                + "string::trim,string::uppercase";
    }

    @Override
    public String getSystemFunctions() {
        return "session::ns,session::db,type::is::none,type::string";
    }

    @Override
    public String getTimeDateFunctions() {
        return "time::now,time::day,time::month,time::year,time::hour,time::minute,time::second,time::format";
    }

    @Override
    public String getSearchStringEscape() {
        return "\\";
    }

    @Override
    public String getExtraNameCharacters() {
        return "";
    }

    @Override
    public String getSchemaTerm() {
        return "database";
    }

    @Override
    public String getProcedureTerm() {
        return "function";
    }

    @Override
    public String getCatalogTerm() {
        return "namespace";
    }

    @Override
    public String getCatalogSeparator() {
        return ".";
    }

    @Override
    public boolean isCatalogAtStart() {
        return true;
    }

    // ================================================================== capabilities

    @Override
    public boolean isReadOnly() throws SQLException {
        return connection.isReadOnly();
    }

    @Override
    public boolean supportsTransactions() {
        return connection.client().serverMajorVersion() >= 3 && !connection.isHttp();
    }

    @Override
    public boolean supportsTransactionIsolationLevel(int level) {
        return level == Connection.TRANSACTION_REPEATABLE_READ && supportsTransactions();
    }

    @Override
    public int getDefaultTransactionIsolation() {
        return Connection.TRANSACTION_REPEATABLE_READ;
    }

    @Override
    public boolean supportsResultSetType(int type) {
        return type == ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public boolean supportsResultSetConcurrency(int type, int concurrency) {
        return supportsResultSetType(type) && concurrency == ResultSet.CONCUR_READ_ONLY;
    }

    /** Only {@code HOLD_CURSORS_OVER_COMMIT}: result sets are in memory and stay open after commit. */
    @Override
    public boolean supportsResultSetHoldability(int holdability) {
        return holdability == SurrealConnectionImpl.HOLDABILITY;
    }

    @Override
    public int getResultSetHoldability() {
        return SurrealConnectionImpl.HOLDABILITY;
    }

    @Override
    public boolean supportsConvert() {
        return false;
    }

    @Override
    public boolean supportsConvert(int fromType, int toType) {
        return false;
    }

    @Override
    public int getSQLStateType() {
        return sqlStateSQL;
    }

    @Override
    public RowIdLifetime getRowIdLifetime() {
        return RowIdLifetime.ROWID_UNSUPPORTED;
    }

    @Override
    public long getMaxLogicalLobSize() {
        return 0;
    }

    @Override
    public int getMaxBinaryLiteralLength() {
        return 0;
    }

    @Override
    public int getMaxCharLiteralLength() {
        return 0;
    }

    @Override
    public int getMaxColumnNameLength() {
        return 0;
    }

    @Override
    public int getMaxColumnsInGroupBy() {
        return 0;
    }

    @Override
    public int getMaxColumnsInIndex() {
        return 0;
    }

    @Override
    public int getMaxColumnsInOrderBy() {
        return 0;
    }

    @Override
    public int getMaxColumnsInSelect() {
        return 0;
    }

    @Override
    public int getMaxColumnsInTable() {
        return 0;
    }

    @Override
    public int getMaxConnections() {
        return 0;
    }

    @Override
    public int getMaxCursorNameLength() {
        return 0;
    }

    @Override
    public int getMaxIndexLength() {
        return 0;
    }

    @Override
    public int getMaxSchemaNameLength() {
        return 0;
    }

    @Override
    public int getMaxProcedureNameLength() {
        return 0;
    }

    @Override
    public int getMaxCatalogNameLength() {
        return 0;
    }

    @Override
    public int getMaxRowSize() {
        return 0;
    }

    @Override
    public int getMaxStatementLength() {
        return 0;
    }

    @Override
    public int getMaxStatements() {
        return 0;
    }

    @Override
    public int getMaxTableNameLength() {
        return 0;
    }

    @Override
    public int getMaxTablesInSelect() {
        return 0;
    }

    @Override
    public int getMaxUserNameLength() {
        return 0;
    }

    // ================================================================== result sets with content

    @Override
    public ResultSet getCatalogs() throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        for (String ns : names("INFO FOR ROOT", "namespaces", connection.getCatalog())) {
            rows.add(row(ns));
        }
        return result(CATALOGS, rows);
    }

    @Override
    public ResultSet getSchemas() throws SQLException {
        return getSchemas(null, null);
    }

    @Override
    public ResultSet getSchemas(String catalog, String schemaPattern) throws SQLException {
        String ns = connection.getCatalog();
        List<List<Object>> rows = new ArrayList<>();
        if (ns != null && (catalog == null || catalog.equals(ns))) {
            for (String db : names("INFO FOR NS", "databases", connection.getSchema())) {
                if (like(schemaPattern, db)) {
                    rows.add(row(db, ns));
                }
            }
        }
        return result(SCHEMAS, rows);
    }

    @Override
    public ResultSet getTableTypes() throws SQLException {
        return result(TABLE_TYPES, List.of(row("TABLE"), row("VIEW"), row("RELATION")));
    }

    @Override
    public ResultSet getTables(String catalog, String schemaPattern, String tableNamePattern, String[] types)
            throws SQLException {
        String ns = connection.getCatalog();
        String db = connection.getSchema();
        List<List<Object>> rows = new ArrayList<>();
        if (ns != null && db != null && (catalog == null || catalog.equals(ns)) && like(schemaPattern, db)) {
            Map<String, Object> tables = info("INFO FOR DB", "tables");
            for (String t : new TreeSet<>(tables.keySet())) {
                String def = String.valueOf(tables.get(t));
                String type = def.contains(" AS SELECT") || def.contains(" AS\nSELECT") ? "VIEW"
                        : def.contains("TYPE RELATION") ? "RELATION" : "TABLE";
                if (like(tableNamePattern, t) && (types == null || Arrays.asList(types).contains(type))) {
                    rows.add(row(ns, db, t, type, null, null, null, null, null, null));
                }
            }
        }
        return result(TABLES, rows);
    }

    @Override
    public ResultSet getClientInfoProperties() throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row("ApplicationName", 0, null, "Name of the application using the connection"));
        rows.add(row("ClientHostname", 0, null, "Host name of the client"));
        rows.add(row("ClientUser", 0, null, "User of the application"));
        return result(CLIENT_INFO, rows);
    }

    /** The keys of one object of an {@code INFO} answer; {@code fallback} alone when the server refuses. */
    private List<String> names(String info, String key, String fallback) throws SQLException {
        Map<String, Object> m = info(info, key);
        List<String> out = new ArrayList<>(new TreeSet<>(m.keySet()));
        if (out.isEmpty() && fallback != null) {
            out.add(fallback);
        }
        return out;
    }

    private Map<String, Object> info(String info, String key) throws SQLException {
        connection.checkOpen();
        try {
            List<QueryResult> r = connection.client().withTimeout(Duration.ofSeconds(30)).query(info).await();
            if (!r.isEmpty() && r.get(0).isOk() && r.get(0).result() instanceof Map<?, ?> m
                    && m.get(key) instanceof Map<?, ?> inner) {
                @SuppressWarnings("unchecked")
                Map<String, Object> cast = (Map<String, Object>) inner;
                return cast;
            }
        } catch (SurrealException e) {
            // refused (permissions) or failed: an empty answer
        }
        return Map.of();
    }

    /** Whether {@code name} matches a LIKE pattern ({@code null} matches everything). */
    static boolean like(String pattern, String name) {
        if (pattern == null) {
            return true;
        }
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                re.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '%') {
                re.append(".*");
            } else if (c == '_') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL).matcher(name).matches();
    }

    // ================================================================== empty result sets

    @Override
    public ResultSet getProcedures(String catalog, String schemaPattern, String procedureNamePattern)
            throws SQLException {
        return result(PROCEDURES, List.of());
    }

    @Override
    public ResultSet getProcedureColumns(String catalog, String schemaPattern, String procedureNamePattern,
                                         String columnNamePattern) throws SQLException {
        return result(PROCEDURE_COLUMNS, List.of());
    }

    @Override
    public ResultSet getColumns(String catalog, String schemaPattern, String tableNamePattern,
                                String columnNamePattern) throws SQLException {
        return result(COLUMNS, List.of());
    }

    @Override
    public ResultSet getColumnPrivileges(String catalog, String schema, String table, String columnNamePattern)
            throws SQLException {
        return result(COLUMN_PRIVILEGES, List.of());
    }

    @Override
    public ResultSet getTablePrivileges(String catalog, String schemaPattern, String tableNamePattern)
            throws SQLException {
        return result(TABLE_PRIVILEGES, List.of());
    }

    @Override
    public ResultSet getBestRowIdentifier(String catalog, String schema, String table, int scope, boolean nullable)
            throws SQLException {
        return result(ROW_IDENTIFIER, List.of());
    }

    @Override
    public ResultSet getVersionColumns(String catalog, String schema, String table) throws SQLException {
        return result(ROW_IDENTIFIER, List.of());
    }

    @Override
    public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
        return result(PRIMARY_KEYS, List.of());
    }

    @Override
    public ResultSet getImportedKeys(String catalog, String schema, String table) throws SQLException {
        return result(KEYS, List.of());
    }

    @Override
    public ResultSet getExportedKeys(String catalog, String schema, String table) throws SQLException {
        return result(KEYS, List.of());
    }

    @Override
    public ResultSet getCrossReference(String parentCatalog, String parentSchema, String parentTable,
                                       String foreignCatalog, String foreignSchema, String foreignTable)
            throws SQLException {
        return result(KEYS, List.of());
    }

    @Override
    public ResultSet getTypeInfo() throws SQLException {
        return result(TYPE_INFO, List.of());
    }

    @Override
    public ResultSet getIndexInfo(String catalog, String schema, String table, boolean unique, boolean approximate)
            throws SQLException {
        return result(INDEX_INFO, List.of());
    }

    @Override
    public ResultSet getUDTs(String catalog, String schemaPattern, String typeNamePattern, int[] types)
            throws SQLException {
        return result(UDTS, List.of());
    }

    @Override
    public ResultSet getSuperTypes(String catalog, String schemaPattern, String typeNamePattern) throws SQLException {
        return result(SUPER_TYPES, List.of());
    }

    @Override
    public ResultSet getSuperTables(String catalog, String schemaPattern, String tableNamePattern)
            throws SQLException {
        return result(SUPER_TABLES, List.of());
    }

    @Override
    public ResultSet getAttributes(String catalog, String schemaPattern, String typeNamePattern,
                                   String attributeNamePattern) throws SQLException {
        return result(ATTRIBUTES, List.of());
    }

    @Override
    public ResultSet getFunctions(String catalog, String schemaPattern, String functionNamePattern)
            throws SQLException {
        return result(FUNCTIONS, List.of());
    }

    @Override
    public ResultSet getFunctionColumns(String catalog, String schemaPattern, String functionNamePattern,
                                        String columnNamePattern) throws SQLException {
        return result(FUNCTION_COLUMNS, List.of());
    }

    @Override
    public ResultSet getPseudoColumns(String catalog, String schemaPattern, String tableNamePattern,
                                      String columnNamePattern) throws SQLException {
        return result(PSEUDO_COLUMNS, List.of());
    }

    // ================================================================== shapes

    private ResultSet result(List<Columns.Def> defs, List<List<Object>> rows) throws SQLException {
        connection.checkOpen();
        return Results.declared(null, defs, rows);
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    /** Columns from {@code "NAME"} (VARCHAR) or {@code "NAME:I"} (INTEGER), S SMALLINT, B BOOLEAN, L BIGINT. */
    static List<Columns.Def> cols(String... specs) {
        List<Columns.Def> out = new ArrayList<>(specs.length);
        for (String s : specs) {
            int colon = s.indexOf(':');
            String name = colon < 0 ? s : s.substring(0, colon);
            int type = Types.VARCHAR;
            if (colon >= 0) {
                type = switch (s.charAt(colon + 1)) {
                    case 'I' -> Types.INTEGER;
                    case 'S' -> Types.SMALLINT;
                    case 'B' -> Types.BOOLEAN;
                    case 'L' -> Types.BIGINT;
                    default -> Types.VARCHAR;
                };
            }
            out.add(new Columns.Def(name, type));
        }
        return List.copyOf(out);
    }

    static final List<Columns.Def> CATALOGS = cols("TABLE_CAT");
    static final List<Columns.Def> SCHEMAS = cols("TABLE_SCHEM", "TABLE_CATALOG");
    static final List<Columns.Def> TABLE_TYPES = cols("TABLE_TYPE");
    static final List<Columns.Def> TABLES = cols("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE", "REMARKS",
            "TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "SELF_REFERENCING_COL_NAME", "REF_GENERATION");
    static final List<Columns.Def> CLIENT_INFO = cols("NAME", "MAX_LEN:I", "DEFAULT_VALUE", "DESCRIPTION");
    static final List<Columns.Def> PROCEDURES = cols("PROCEDURE_CAT", "PROCEDURE_SCHEM", "PROCEDURE_NAME",
            "RESERVED1", "RESERVED2", "RESERVED3", "REMARKS", "PROCEDURE_TYPE:S", "SPECIFIC_NAME");
    static final List<Columns.Def> PROCEDURE_COLUMNS = cols("PROCEDURE_CAT", "PROCEDURE_SCHEM", "PROCEDURE_NAME",
            "COLUMN_NAME", "COLUMN_TYPE:S", "DATA_TYPE:I", "TYPE_NAME", "PRECISION:I", "LENGTH:I", "SCALE:S",
            "RADIX:S", "NULLABLE:S", "REMARKS", "COLUMN_DEF", "SQL_DATA_TYPE:I", "SQL_DATETIME_SUB:I",
            "CHAR_OCTET_LENGTH:I", "ORDINAL_POSITION:I", "IS_NULLABLE", "SPECIFIC_NAME");
    static final List<Columns.Def> COLUMNS = cols("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME",
            "DATA_TYPE:I", "TYPE_NAME", "COLUMN_SIZE:I", "BUFFER_LENGTH:I", "DECIMAL_DIGITS:I", "NUM_PREC_RADIX:I",
            "NULLABLE:I", "REMARKS", "COLUMN_DEF", "SQL_DATA_TYPE:I", "SQL_DATETIME_SUB:I", "CHAR_OCTET_LENGTH:I",
            "ORDINAL_POSITION:I", "IS_NULLABLE", "SCOPE_CATALOG", "SCOPE_SCHEMA", "SCOPE_TABLE",
            "SOURCE_DATA_TYPE:S", "IS_AUTOINCREMENT", "IS_GENERATEDCOLUMN");
    static final List<Columns.Def> COLUMN_PRIVILEGES = cols("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME",
            "GRANTOR", "GRANTEE", "PRIVILEGE", "IS_GRANTABLE");
    static final List<Columns.Def> TABLE_PRIVILEGES = cols("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "GRANTOR",
            "GRANTEE", "PRIVILEGE", "IS_GRANTABLE");
    static final List<Columns.Def> ROW_IDENTIFIER = cols("SCOPE:S", "COLUMN_NAME", "DATA_TYPE:I", "TYPE_NAME",
            "COLUMN_SIZE:I", "BUFFER_LENGTH:I", "DECIMAL_DIGITS:S", "PSEUDO_COLUMN:S");
    static final List<Columns.Def> PRIMARY_KEYS = cols("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME",
            "KEY_SEQ:S", "PK_NAME");
    static final List<Columns.Def> KEYS = cols("PKTABLE_CAT", "PKTABLE_SCHEM", "PKTABLE_NAME", "PKCOLUMN_NAME",
            "FKTABLE_CAT", "FKTABLE_SCHEM", "FKTABLE_NAME", "FKCOLUMN_NAME", "KEY_SEQ:S", "UPDATE_RULE:S",
            "DELETE_RULE:S", "FK_NAME", "PK_NAME", "DEFERRABILITY:S");
    static final List<Columns.Def> TYPE_INFO = cols("TYPE_NAME", "DATA_TYPE:I", "PRECISION:I", "LITERAL_PREFIX",
            "LITERAL_SUFFIX", "CREATE_PARAMS", "NULLABLE:S", "CASE_SENSITIVE:B", "SEARCHABLE:S",
            "UNSIGNED_ATTRIBUTE:B", "FIXED_PREC_SCALE:B", "AUTO_INCREMENT:B", "LOCAL_TYPE_NAME", "MINIMUM_SCALE:S",
            "MAXIMUM_SCALE:S", "SQL_DATA_TYPE:I", "SQL_DATETIME_SUB:I", "NUM_PREC_RADIX:I");
    static final List<Columns.Def> INDEX_INFO = cols("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "NON_UNIQUE:B",
            "INDEX_QUALIFIER", "INDEX_NAME", "TYPE:S", "ORDINAL_POSITION:S", "COLUMN_NAME", "ASC_OR_DESC",
            "CARDINALITY:L", "PAGES:L", "FILTER_CONDITION");
    static final List<Columns.Def> UDTS = cols("TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "CLASS_NAME", "DATA_TYPE:I",
            "REMARKS", "BASE_TYPE:S");
    static final List<Columns.Def> SUPER_TYPES = cols("TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "SUPERTYPE_CAT",
            "SUPERTYPE_SCHEM", "SUPERTYPE_NAME");
    static final List<Columns.Def> SUPER_TABLES = cols("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "SUPERTABLE_NAME");
    static final List<Columns.Def> ATTRIBUTES = cols("TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "ATTR_NAME",
            "DATA_TYPE:I", "ATTR_TYPE_NAME", "ATTR_SIZE:I", "DECIMAL_DIGITS:I", "NUM_PREC_RADIX:I", "NULLABLE:I",
            "REMARKS", "ATTR_DEF", "SQL_DATA_TYPE:I", "SQL_DATETIME_SUB:I", "CHAR_OCTET_LENGTH:I",
            "ORDINAL_POSITION:I", "IS_NULLABLE", "SCOPE_CATALOG", "SCOPE_SCHEMA", "SCOPE_TABLE",
            "SOURCE_DATA_TYPE:S");
    static final List<Columns.Def> FUNCTIONS = cols("FUNCTION_CAT", "FUNCTION_SCHEM", "FUNCTION_NAME", "REMARKS",
            "FUNCTION_TYPE:S", "SPECIFIC_NAME");
    static final List<Columns.Def> FUNCTION_COLUMNS = cols("FUNCTION_CAT", "FUNCTION_SCHEM", "FUNCTION_NAME",
            "COLUMN_NAME", "COLUMN_TYPE:S", "DATA_TYPE:I", "TYPE_NAME", "PRECISION:I", "LENGTH:I", "SCALE:S",
            "RADIX:S", "NULLABLE:S", "REMARKS", "CHAR_OCTET_LENGTH:I", "ORDINAL_POSITION:I", "IS_NULLABLE",
            "SPECIFIC_NAME");
    static final List<Columns.Def> PSEUDO_COLUMNS = cols("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME",
            "DATA_TYPE:I", "COLUMN_SIZE:I", "DECIMAL_DIGITS:I", "NUM_PREC_RADIX:I", "COLUMN_USAGE", "REMARKS",
            "CHAR_OCTET_LENGTH:I", "IS_NULLABLE");

    // ================================================================== wrapper

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw SqlStates.create(SqlStates.GENERAL_ERROR, "Not a wrapper for " + iface.getName(), 0, null);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }

    // ================================================================== fixed answers

    @Override
    public boolean allProceduresAreCallable() {
        return true;
    }

    @Override
    public boolean allTablesAreSelectable() {
        return true;
    }

    @Override
    public boolean nullsAreSortedHigh() {
        return false;
    }

    @Override
    public boolean nullsAreSortedLow() {
        return true;
    }

    @Override
    public boolean nullsAreSortedAtStart() {
        return false;
    }

    @Override
    public boolean nullsAreSortedAtEnd() {
        return false;
    }

    @Override
    public boolean usesLocalFiles() {
        return false;
    }

    @Override
    public boolean usesLocalFilePerTable() {
        return false;
    }

    @Override
    public boolean supportsMixedCaseIdentifiers() {
        return true;
    }

    @Override
    public boolean storesUpperCaseIdentifiers() {
        return false;
    }

    @Override
    public boolean storesLowerCaseIdentifiers() {
        return false;
    }

    @Override
    public boolean storesMixedCaseIdentifiers() {
        return true;
    }

    @Override
    public boolean supportsMixedCaseQuotedIdentifiers() {
        return true;
    }

    @Override
    public boolean storesUpperCaseQuotedIdentifiers() {
        return false;
    }

    @Override
    public boolean storesLowerCaseQuotedIdentifiers() {
        return false;
    }

    @Override
    public boolean storesMixedCaseQuotedIdentifiers() {
        return true;
    }

    @Override
    public boolean supportsAlterTableWithAddColumn() {
        return false;
    }

    @Override
    public boolean supportsAlterTableWithDropColumn() {
        return false;
    }

    @Override
    public boolean supportsColumnAliasing() {
        return true;
    }

    @Override
    public boolean nullPlusNonNullIsNull() {
        return false;
    }

    @Override
    public boolean supportsTableCorrelationNames() {
        return true;
    }

    @Override
    public boolean supportsDifferentTableCorrelationNames() {
        return false;
    }

    @Override
    public boolean supportsExpressionsInOrderBy() {
        return true;
    }

    @Override
    public boolean supportsOrderByUnrelated() {
        return false;
    }

    @Override
    public boolean supportsGroupBy() {
        return true;
    }

    @Override
    public boolean supportsGroupByUnrelated() {
        return true;
    }

    @Override
    public boolean supportsGroupByBeyondSelect() {
        return true;
    }

    @Override
    public boolean supportsLikeEscapeClause() {
        return false;
    }

    @Override
    public boolean supportsMultipleResultSets() {
        return true;
    }

    @Override
    public boolean supportsMultipleTransactions() {
        return true;
    }

    @Override
    public boolean supportsNonNullableColumns() {
        return true;
    }

    @Override
    public boolean supportsMinimumSQLGrammar() {
        return false;
    }

    @Override
    public boolean supportsCoreSQLGrammar() {
        return false;
    }

    @Override
    public boolean supportsExtendedSQLGrammar() {
        return false;
    }

    @Override
    public boolean supportsANSI92EntryLevelSQL() {
        return false;
    }

    @Override
    public boolean supportsANSI92IntermediateSQL() {
        return false;
    }

    @Override
    public boolean supportsANSI92FullSQL() {
        return false;
    }

    @Override
    public boolean supportsIntegrityEnhancementFacility() {
        return false;
    }

    @Override
    public boolean supportsOuterJoins() {
        return false;
    }

    @Override
    public boolean supportsFullOuterJoins() {
        return false;
    }

    @Override
    public boolean supportsLimitedOuterJoins() {
        return false;
    }


    @Override
    public boolean supportsSchemasInDataManipulation() {
        return true;
    }

    @Override
    public boolean supportsSchemasInProcedureCalls() {
        return false;
    }

    @Override
    public boolean supportsSchemasInTableDefinitions() {
        return false;
    }

    @Override
    public boolean supportsSchemasInIndexDefinitions() {
        return false;
    }

    @Override
    public boolean supportsSchemasInPrivilegeDefinitions() {
        return false;
    }

    @Override
    public boolean supportsCatalogsInDataManipulation() {
        return true;
    }

    @Override
    public boolean supportsCatalogsInProcedureCalls() {
        return false;
    }

    @Override
    public boolean supportsCatalogsInTableDefinitions() {
        return false;
    }

    @Override
    public boolean supportsCatalogsInIndexDefinitions() {
        return false;
    }

    @Override
    public boolean supportsCatalogsInPrivilegeDefinitions() {
        return false;
    }

    @Override
    public boolean supportsPositionedDelete() {
        return false;
    }

    @Override
    public boolean supportsPositionedUpdate() {
        return false;
    }

    @Override
    public boolean supportsSelectForUpdate() {
        return false;
    }

    @Override
    public boolean supportsStoredProcedures() {
        return false;
    }

    @Override
    public boolean supportsSubqueriesInComparisons() {
        return true;
    }

    @Override
    public boolean supportsSubqueriesInExists() {
        return false;
    }

    @Override
    public boolean supportsSubqueriesInIns() {
        return true;
    }

    @Override
    public boolean supportsSubqueriesInQuantifieds() {
        return false;
    }

    @Override
    public boolean supportsCorrelatedSubqueries() {
        return true;
    }

    @Override
    public boolean supportsUnion() {
        return false;
    }

    @Override
    public boolean supportsUnionAll() {
        return false;
    }

    @Override
    public boolean supportsOpenCursorsAcrossCommit() {
        return true;
    }

    @Override
    public boolean supportsOpenCursorsAcrossRollback() {
        return true;
    }

    @Override
    public boolean supportsOpenStatementsAcrossCommit() {
        return true;
    }

    @Override
    public boolean supportsOpenStatementsAcrossRollback() {
        return true;
    }

    @Override
    public boolean doesMaxRowSizeIncludeBlobs() {
        return false;
    }

    @Override
    public boolean supportsDataDefinitionAndDataManipulationTransactions() {
        return true;
    }

    @Override
    public boolean supportsDataManipulationTransactionsOnly() {
        return false;
    }

    @Override
    public boolean dataDefinitionCausesTransactionCommit() {
        return false;
    }

    @Override
    public boolean dataDefinitionIgnoredInTransactions() {
        return false;
    }

    @Override
    public boolean ownUpdatesAreVisible(int arg0) {
        return false;
    }

    @Override
    public boolean ownDeletesAreVisible(int arg0) {
        return false;
    }

    @Override
    public boolean ownInsertsAreVisible(int arg0) {
        return false;
    }

    @Override
    public boolean othersUpdatesAreVisible(int arg0) {
        return false;
    }

    @Override
    public boolean othersDeletesAreVisible(int arg0) {
        return false;
    }

    @Override
    public boolean othersInsertsAreVisible(int arg0) {
        return false;
    }

    @Override
    public boolean updatesAreDetected(int arg0) {
        return false;
    }

    @Override
    public boolean deletesAreDetected(int arg0) {
        return false;
    }

    @Override
    public boolean insertsAreDetected(int arg0) {
        return false;
    }

    @Override
    public boolean supportsBatchUpdates() {
        return true;
    }

    @Override
    public boolean supportsSavepoints() {
        return false;
    }

    @Override
    public boolean supportsNamedParameters() {
        return false;
    }

    @Override
    public boolean supportsMultipleOpenResults() {
        return true;
    }

    @Override
    public boolean supportsGetGeneratedKeys() {
        return true;
    }

    @Override
    public boolean locatorsUpdateCopy() {
        return false;
    }

    @Override
    public boolean supportsStatementPooling() {
        return false;
    }

    @Override
    public boolean supportsStoredFunctionsUsingCallSyntax() {
        return true;
    }

    @Override
    public boolean autoCommitFailureClosesAllResultSets() {
        return false;
    }

    @Override
    public boolean generatedKeyAlwaysReturned() {
        return false;
    }

    @Override
    public boolean supportsRefCursors() {
        return false;
    }

    @Override
    public boolean supportsSharding() {
        return false;
    }
}
