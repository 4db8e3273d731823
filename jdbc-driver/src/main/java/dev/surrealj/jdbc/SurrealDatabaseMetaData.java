package dev.surrealj.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@link DatabaseMetaData} read from SurrealDB's {@code INFO FOR … STRUCTURE} answers (2.x and 3.x).
 *
 * <h2>Mapping</h2>
 * <ul>
 *   <li><b>Catalog = namespace</b> ({@code INFO FOR ROOT}; only the current one when the user cannot read
 *       the root), <b>schema = database</b> ({@code INFO FOR NS}). A {@code null} catalog argument means
 *       the <em>current</em> namespace (as MySQL's {@code nullCatalogMeansCurrent}: jOOQ and other tools
 *       without catalog support then see one namespace, not every namespace's {@code main} database
 *       merged); a {@code null} schema pattern means every database of that namespace. Other namespaces
 *       and databases are read by switching the session for the one request ({@link MetadataQueries}).</li>
 *   <li><b>Tables</b> ({@code INFO FOR DB}): {@code TABLE_TYPE} {@code TABLE}, {@code RELATION}
 *       ({@code TYPE RELATION}) or {@code VIEW} ({@code AS SELECT}); {@code REMARKS} is the COMMENT, plus
 *       a note for SCHEMALESS tables and views saying how their columns are known.</li>
 *   <li><b>Columns</b> ({@code INFO FOR TABLE t STRUCTURE}, see {@link SchemaInfo#columns}): {@code id}
 *       first ({@code record<t>}, {@code IS_AUTOINCREMENT} YES: the server makes it when none is given),
 *       then the fields, nested ones as {@code address.city}; {@code DATA_TYPE} from
 *       {@link SurrealTypes}, {@code TYPE_NAME} SurrealDB's ({@code int}, {@code record<person>},
 *       {@code array<string>}); nullable when {@code option<…>} (3.x prints {@code none | int}) or
 *       {@code any}; {@code COLUMN_DEF} the DEFAULT; {@code IS_GENERATEDCOLUMN} YES for COMPUTED fields
 *       and VALUE fields whose expression does not use {@code $value}. SCHEMALESS tables and views add
 *       the keys of up to {@code metadataSampleSize} sampled records (REMARKS "inferred from n sampled
 *       records"). All tables matching a pattern are read in ONE request.</li>
 *   <li><b>Keys</b>: the primary key of every table is {@code id} ({@code PK_<table>}). Foreign keys
 *       are synthetic: {@code record<t>} fields and a relation's {@code in}/{@code out} refer to
 *       {@code t.id} ({@code <table>_<field>_fkey}).</li>
 *   <li><b>Indexes</b>: plain, UNIQUE, HNSW, MTREE, FULLTEXT (3.x) / SEARCH (2.x) and COUNT indexes, all
 *       {@code tableIndexOther}, with two extra columns {@code INDEX_KIND} and {@code INDEX_DEFINITION}.</li>
 *   <li><b>Functions and procedures</b>: both list the {@code DEFINE FUNCTION fn::…} functions with their
 *       parameters and return type ({@code {call fn::name(?)}} calls them).</li>
 *   <li>{@code getTypeInfo}: SurrealDB's types ({@link TypeInfo}). Privileges, UDTs, super types/tables,
 *       attributes, pseudo and version columns: correctly shaped empty results (SurrealDB has none of
 *       these in the JDBC sense).</li>
 * </ul>
 * Names are case-sensitive. Name patterns follow {@code LIKE} ({@code %}, {@code _}, escape {@code \},
 * see {@link LikePattern}); {@code null} matches everything; the table arguments of the one-table methods
 * ({@code getPrimaryKeys}, {@code getIndexInfo}, {@code get*Keys} …) are exact names.
 *
 * <h2>Failures</h2>
 * Result set methods throw on a closed or lost connection (08003/08006) and on a timeout (HYT00); a
 * statement the server refuses (a record user may not run {@code INFO}) reads as "nothing there", giving
 * a correctly shaped, possibly empty, result.
 */
final class SurrealDatabaseMetaData implements DatabaseMetaData {
    private final SurrealConnectionImpl connection;
    private final MetadataQueries queries;

    SurrealDatabaseMetaData(SurrealConnectionImpl connection) {
        this.connection = connection;
        this.queries = new MetadataQueries(connection);
    }

    /** The request side (tests count its requests). */
    MetadataQueries queries() {
        return queries;
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

    /** SurrealQL keywords that are not SQL:2003 reserved words ({@link TypeInfo#KEYWORDS}). */
    @Override
    public String getSQLKeywords() {
        return TypeInfo.KEYWORDS;
    }

    /** SurrealDB's {@code math::} functions (and {@code rand::int}/{@code rand::float}). */
    @Override
    public String getNumericFunctions() {
        return TypeInfo.numericFunctions();
    }

    /** SurrealDB's {@code string::} functions, named as the server's major version spells them. */
    @Override
    public String getStringFunctions() {
        return TypeInfo.stringFunctions(connection.client().serverMajorVersion());
    }

    /** {@code session::}, {@code type::}, {@code rand::}, record and other system functions. */
    @Override
    public String getSystemFunctions() {
        return TypeInfo.systemFunctions(connection.client().serverMajorVersion());
    }

    /** SurrealDB's {@code time::} and {@code duration::} functions. */
    @Override
    public String getTimeDateFunctions() {
        return TypeInfo.timeDateFunctions(connection.client().serverMajorVersion());
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
    //
    // Every supports*/stores*/uses*/nullsAre*/max* answer below was decided against SurrealQL as the
    // 2.6 and 3.0 engines parse and run it (checked on both): SurrealQL is not SQL, so the SQL grammar
    // levels, joins, unions, EXISTS, quantified comparisons, LIKE and table aliases are all "no".

    @Override
    public boolean isReadOnly() throws SQLException {
        return connection.isReadOnly();
    }

    /** Interactive transactions: SurrealDB 3 over WebSocket (2.x and HTTP have none to give). */
    @Override
    public boolean supportsTransactions() {
        return connection.client().serverMajorVersion() >= 3 && !connection.isHttp();
    }

    /**
     * READ UNCOMMITTED, READ COMMITTED and REPEATABLE READ when there are transactions: SurrealDB gives
     * snapshot isolation, which is at least as strong (a driver may substitute a stronger level, and
     * {@code setTransactionIsolation} accepts these three). Not SERIALIZABLE (write skew is possible),
     * not NONE.
     */
    @Override
    public boolean supportsTransactionIsolationLevel(int level) {
        return switch (level) {
            case Connection.TRANSACTION_READ_UNCOMMITTED, Connection.TRANSACTION_READ_COMMITTED,
                    Connection.TRANSACTION_REPEATABLE_READ -> supportsTransactions();
            default -> false;
        };
    }

    @Override
    public int getDefaultTransactionIsolation() {
        return Connection.TRANSACTION_REPEATABLE_READ;
    }

    /** DEFINE/REMOVE statements take part in transactions like data statements. */
    @Override
    public boolean supportsDataDefinitionAndDataManipulationTransactions() {
        return supportsTransactions();
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

    /** Several connections may each have a transaction open. */
    @Override
    public boolean supportsMultipleTransactions() {
        return true;
    }

    @Override
    public boolean supportsSavepoints() {
        return false;
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

    /** Result sets are in memory: they survive commit and rollback. */
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

    /** No JDBC {@code {fn CONVERT(…)}} escape (SurrealQL casts are {@code <int> x}). */
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

    /** Record ids are ordinary {@code id} column values, not {@link java.sql.RowId}s. */
    @Override
    public RowIdLifetime getRowIdLifetime() {
        return RowIdLifetime.ROWID_UNSUPPORTED;
    }

    // --------------------------------------------------------------- limits: 0 = none known
    // SurrealDB sets no length limit on names, literals, statements or rows; the only bounds are the
    // server's message size (128 MiB WebSocket, 4 MiB HTTP by default, both configurable).

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
    public boolean doesMaxRowSizeIncludeBlobs() {
        return false;
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

    // ================================================================== catalogs, schemas, tables

    /** The namespaces ({@code INFO FOR ROOT}); only the current one when the user cannot read the root. */
    @Override
    public ResultSet getCatalogs() throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        for (String ns : queries.namespaces()) {
            rows.add(row(ns));
        }
        return result(CATALOGS, rows);
    }

    @Override
    public ResultSet getSchemas() throws SQLException {
        return getSchemas(null, null);
    }

    /**
     * The databases of namespace {@code catalog} ({@code null}: the current namespace) matching
     * {@code schemaPattern}; only the current one when the user cannot read the namespace.
     */
    @Override
    public ResultSet getSchemas(String catalog, String schemaPattern) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        for (MetadataQueries.Scope s : queries.scopes(catalog, schemaPattern)) {
            rows.add(row(s.db(), s.ns()));
        }
        return result(SCHEMAS, rows);
    }

    /** {@code RELATION}, {@code TABLE} and {@code VIEW}. */
    @Override
    public ResultSet getTableTypes() throws SQLException {
        return result(TABLE_TYPES, List.of(row(SchemaInfo.RELATION), row(SchemaInfo.TABLE), row(SchemaInfo.VIEW)));
    }

    @Override
    public ResultSet getTables(String catalog, String schemaPattern, String tableNamePattern, String[] types)
            throws SQLException {
        LikePattern tables = LikePattern.of(tableNamePattern);
        List<List<Object>> rows = new ArrayList<>();
        for (MetadataQueries.Scope s : queries.scopes(catalog, schemaPattern)) {
            for (SchemaInfo.Table t : queries.database(s).tables().values()) {
                if (tables.matches(t.name()) && typeWanted(types, t.type())) {
                    rows.add(row(s.ns(), s.db(), t.name(), t.type(), tableRemarks(t), null, null, null, null, null));
                }
            }
        }
        rows.sort(byColumns(3, 0, 1, 2));
        return result(TABLES, rows);
    }

    private static boolean typeWanted(String[] types, String type) {
        if (types == null) {
            return true;
        }
        for (String t : types) {
            if (t != null && t.equalsIgnoreCase(type)) {
                return true;
            }
        }
        return false;
    }

    /** The COMMENT, plus how the columns of a SCHEMALESS table or view are known. */
    private String tableRemarks(SchemaInfo.Table t) {
        int n = connection.properties().metadataSampleSize();
        String how = null;
        if (t.view() != null) {
            how = "view AS " + t.view();
        } else if (!t.schemafull()) {
            how = n > 0 ? "SCHEMALESS: columns inferred from up to " + n + " sampled records"
                    : "SCHEMALESS: only defined fields are listed (metadataSampleSize=0)";
        }
        if (t.comment() == null) {
            return how;
        }
        return how == null ? t.comment() : t.comment() + " (" + how + ")";
    }

    // ================================================================== columns

    /**
     * The columns of the matching tables (see {@link SchemaInfo#columns}): one request lists a
     * database's tables, a second one reads the fields of every matching table together with the
     * sampled records of the SCHEMALESS ones and views.
     */
    @Override
    public ResultSet getColumns(String catalog, String schemaPattern, String tableNamePattern,
                                String columnNamePattern) throws SQLException {
        LikePattern tables = LikePattern.of(tableNamePattern);
        LikePattern columns = LikePattern.of(columnNamePattern);
        List<List<Object>> rows = new ArrayList<>();
        for (MetadataQueries.Scope s : queries.scopes(catalog, schemaPattern)) {
            for (TableColumns tc : columns(s, tables)) {
                int position = 0;
                for (SchemaInfo.Column c : tc.columns()) {
                    position++;
                    if (columns.matches(c.name())) {
                        rows.add(columnRow(s, tc.table().name(), c, position));
                    }
                }
            }
        }
        rows.sort(byColumns(0, 1, 2, 16));
        return result(COLUMNS, rows);
    }

    /** A table and its columns. */
    record TableColumns(SchemaInfo.Table table, List<SchemaInfo.Column> columns) {
    }

    /** The columns of the tables of {@code scope} matching {@code tables}, in table-name order. */
    List<TableColumns> columns(MetadataQueries.Scope scope, LikePattern tables) throws SQLException {
        int sampleSize = connection.properties().metadataSampleSize();
        MetadataQueries.Loaded first;
        if (tables.literal() != null) {
            first = queries.load(scope, null, List.of(tables.literal()), List.of(), 0);
        } else {
            first = queries.load(scope, null, List.of(), List.of(), 0);
        }
        SchemaInfo.Database db = first.database();
        List<SchemaInfo.Table> matched = new ArrayList<>();
        Set<String> details = new TreeSet<>();
        Set<String> sampled = new TreeSet<>();
        for (SchemaInfo.Table t : db.tables().values()) {
            if (!tables.matches(t.name())) {
                continue;
            }
            matched.add(t);
            if (!first.details().containsKey(t.name())) {
                details.add(t.name());
            }
            if (t.sampled() && sampleSize > 0) {
                sampled.add(t.name());
            }
            String source = viewSource(t);
            if (source != null && !first.details().containsKey(source)) {
                details.add(source);
            }
        }
        MetadataQueries.Loaded second = details.isEmpty() && sampled.isEmpty() ? first
                : queries.load(scope, db, details, sampled, sampleSize);
        List<TableColumns> out = new ArrayList<>();
        for (SchemaInfo.Table t : matched) {
            SchemaInfo.TableDetail detail = detail(first, second, t.name());
            String source = viewSource(t);
            SchemaInfo.TableDetail sourceDetail = source == null ? null : detail(first, second, source);
            out.add(new TableColumns(t, SchemaInfo.columns(t, detail, sourceDetail, second.sample(t.name()))));
        }
        return out;
    }

    private static SchemaInfo.TableDetail detail(MetadataQueries.Loaded a, MetadataQueries.Loaded b, String table) {
        SchemaInfo.TableDetail d = a.details().get(table);
        return d != null ? d : b.detail(table);
    }

    /** The source table of a view's {@code SELECT}, or {@code null}. */
    private static String viewSource(SchemaInfo.Table t) {
        if (t.view() == null) {
            return null;
        }
        SelectInfo s = SelectInfo.analyze(t.view());
        return s == null ? null : s.table();
    }

    private static List<Object> columnRow(MetadataQueries.Scope s, String table, SchemaInfo.Column c, int position) {
        SurrealTypes.Type t = c.type();
        int sqlType = t.sqlType();
        Integer size = columnSize(t);
        Integer digits = switch (sqlType) {
            case Types.BIGINT -> 0;
            case Types.TIMESTAMP_WITH_TIMEZONE -> 9;
            default -> null;
        };
        Integer radix = SurrealTypes.isNumeric(sqlType) ? 10 : null;
        Integer octets = switch (sqlType) {
            case Types.VARCHAR, Types.VARBINARY -> SurrealTypes.UNBOUNDED;
            default -> null;
        };
        boolean nullable = t.nullable();
        return row(s.ns(), s.db(), table, c.name(), sqlType, t.name(), size, null, digits, radix,
                nullable ? columnNullable : columnNoNulls, c.remarks(), c.defaultValue(), null, null, octets,
                position, nullable ? "YES" : "NO", null, null, null, null, c.autoIncrement() ? "YES" : "NO",
                c.generated() ? "YES" : "NO");
    }

    /**
     * {@code COLUMN_SIZE}: digits of numbers, characters of text and datetimes; {@code null} for structures
     * and for {@code decimal}/{@code number}, whose precision and scale vary per value (a decimal holds up
     * to 28 significant digits at any scale from 0 to 28, see {@code getTypeInfo}): like pgjdbc for an
     * unconstrained {@code numeric}, no fixed precision is claimed (jOOQ then keeps BigDecimal instead of
     * reading "scale 0" as an integer type).
     */
    private static Integer columnSize(SurrealTypes.Type t) {
        return switch (t.sqlType()) {
            case Types.DECIMAL, Types.NUMERIC -> null;
            case Types.OTHER, Types.ARRAY, Types.NULL -> {
                int p = SurrealTypes.precision(t.name(), t.sqlType());
                yield p == SurrealTypes.UNBOUNDED || p == 0 ? null : p;
            }
            default -> SurrealTypes.precision(t.name(), t.sqlType());
        };
    }

    // ================================================================== keys and indexes

    /**
     * {@code id}, the record id, for every table. SurrealDB does not name it; the name reported is
     * {@code PK_<table>}, the name jOOQ's {@code JDBCDatabase} gives every primary key it reads, so that
     * the {@code PK_NAME} of the synthetic foreign keys matches it (jOOQ drops foreign keys whose
     * {@code PK_NAME} names no key it knows).
     */
    @Override
    public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        for (MetadataQueries.Scope s : queries.exactScopes(catalog, schema)) {
            if (table != null && queries.database(s).tables().containsKey(table)) {
                rows.add(row(s.ns(), s.db(), table, Columns.ID, (short) 1, pkName(table)));
            }
        }
        rows.sort(byColumns(3));
        return result(PRIMARY_KEYS, rows);
    }

    static String pkName(String table) {
        return "PK_" + table;
    }

    /** {@code id}: a record's id never changes, so it identifies the row in every scope. */
    @Override
    public ResultSet getBestRowIdentifier(String catalog, String schema, String table, int scope, boolean nullable)
            throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        for (MetadataQueries.Scope s : queries.exactScopes(catalog, schema)) {
            if (table != null && queries.database(s).tables().containsKey(table) && rows.isEmpty()) {
                rows.add(row((short) bestRowSession, Columns.ID, Types.OTHER, "record<" + table + ">", null, null,
                        null, (short) bestRowNotPseudo));
            }
        }
        return result(ROW_IDENTIFIER, rows);
    }

    /** Empty: SurrealDB has no column that changes on every update. */
    @Override
    public ResultSet getVersionColumns(String catalog, String schema, String table) throws SQLException {
        return result(ROW_IDENTIFIER, List.of());
    }

    /**
     * Synthetic foreign keys of {@code table}: each field of type {@code record<t>} (also inside
     * {@code option<>} or a union, one key per target table that exists) refers to {@code t.id}; the
     * {@code in} and {@code out} of a relation refer to their IN/OUT tables (ON DELETE CASCADE: deleting
     * a record deletes its edges). {@code REFERENCE ON DELETE} gives the delete rule. Arrays of links
     * are not keys.
     */
    @Override
    public ResultSet getImportedKeys(String catalog, String schema, String table) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        if (table != null) {
            for (MetadataQueries.Scope s : queries.exactScopes(catalog, schema)) {
                MetadataQueries.Loaded l = queries.load(s, null, List.of(table), List.of(), 0);
                SchemaInfo.Table t = l.database().tables().get(table);
                if (t != null) {
                    rows.addAll(foreignKeys(s, l.database(), t, l.detail(table)));
                }
            }
        }
        rows.sort(byColumns(0, 1, 2, 8, 11));
        return result(KEYS, rows);
    }

    /** The synthetic foreign keys (see {@link #getImportedKeys}) that refer to {@code table}. */
    @Override
    public ResultSet getExportedKeys(String catalog, String schema, String table) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        if (table != null) {
            for (MetadataQueries.Scope s : queries.exactScopes(catalog, schema)) {
                for (List<Object> fk : allForeignKeys(s, table)) {
                    if (table.equals(fk.get(2))) {
                        rows.add(fk);
                    }
                }
            }
        }
        rows.sort(byColumns(4, 5, 6, 8, 11));
        return result(KEYS, rows);
    }

    @Override
    public ResultSet getCrossReference(String parentCatalog, String parentSchema, String parentTable,
                                       String foreignCatalog, String foreignSchema, String foreignTable)
            throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        if (foreignTable != null && parentTable != null) {
            try (ResultSet rs = getImportedKeys(foreignCatalog, foreignSchema, foreignTable)) {
                while (rs.next()) {
                    if (parentTable.equals(rs.getString(3))
                            && (parentCatalog == null || parentCatalog.equals(rs.getString(1)))
                            && (parentSchema == null || parentSchema.equals(rs.getString(2)))) {
                        List<Object> r = new ArrayList<>(KEYS.size());
                        for (int i = 1; i <= KEYS.size(); i++) {
                            r.add(rs.getObject(i));
                        }
                        rows.add(r);
                    }
                }
            }
        }
        rows.sort(byColumns(4, 5, 6, 8, 11));
        return result(KEYS, rows);
    }

    /** Every synthetic foreign key of a database (one request for all tables), or those pointing at {@code target}. */
    private List<List<Object>> allForeignKeys(MetadataQueries.Scope s, String target) throws SQLException {
        SchemaInfo.Database db = queries.database(s);
        if (target != null && !db.tables().containsKey(target)) {
            return List.of();
        }
        MetadataQueries.Loaded l = queries.load(s, db, db.tables().keySet(), List.of(), 0);
        List<List<Object>> out = new ArrayList<>();
        for (SchemaInfo.Table t : db.tables().values()) {
            out.addAll(foreignKeys(s, db, t, l.detail(t.name())));
        }
        return out;
    }

    private static List<List<Object>> foreignKeys(MetadataQueries.Scope s, SchemaInfo.Database db,
                                                  SchemaInfo.Table t, SchemaInfo.TableDetail detail) {
        List<List<Object>> out = new ArrayList<>();
        if (t.view() != null) {
            return out;
        }
        boolean relation = t.type().equals(SchemaInfo.RELATION);
        for (SchemaInfo.Column c : SchemaInfo.columns(t, detail, null, null)) {
            if (c.name().equals(Columns.ID)) {
                continue;
            }
            List<String> targets = new ArrayList<>();
            for (String target : recordTargets(c.type().name())) {
                if (db.tables().containsKey(target) && !targets.contains(target)) {
                    targets.add(target);
                }
            }
            boolean edge = relation && (c.name().equals("in") || c.name().equals("out"));
            short deleteRule = edge ? (short) importedKeyCascade : deleteRule(c.field());
            for (String target : targets) {
                String fkName = t.name() + "_" + c.name() + (targets.size() > 1 ? "_" + target : "") + "_fkey";
                out.add(row(s.ns(), s.db(), target, Columns.ID, s.ns(), s.db(), t.name(), c.name(), (short) 1,
                        (short) importedKeyNoAction, deleteRule, fkName, pkName(target),
                        (short) importedKeyNotDeferrable));
            }
        }
        return out;
    }

    private static short deleteRule(SchemaInfo.Field f) {
        String action = f == null || f.onDelete() == null ? "" : f.onDelete().strip().toUpperCase(Locale.ROOT);
        if (action.startsWith("CASCADE")) {
            return (short) importedKeyCascade;
        }
        if (action.startsWith("REJECT")) {
            return (short) importedKeyRestrict;
        }
        if (action.startsWith("UNSET")) {
            return (short) importedKeySetNull;
        }
        return (short) importedKeyNoAction;
    }

    /** The tables of a {@code record<a | b>} type (also in a union such as {@code record<a> | string}). */
    static List<String> recordTargets(String typeName) {
        List<String> out = new ArrayList<>();
        if (typeName == null) {
            return out;
        }
        int depth = 0;
        int start = 0;
        List<String> alternatives = new ArrayList<>();
        for (int i = 0; i < typeName.length(); i++) {
            char c = typeName.charAt(i);
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (c == '|' && depth == 0) {
                alternatives.add(typeName.substring(start, i));
                start = i + 1;
            }
        }
        alternatives.add(typeName.substring(start));
        for (String alt : alternatives) {
            String a = alt.strip();
            if (SurrealTypes.baseName(a).equals("record") && a.endsWith(">") && a.indexOf('<') > 0) {
                for (String target : a.substring(a.indexOf('<') + 1, a.length() - 1).split("\\|")) {
                    if (!target.isBlank()) {
                        out.add(SchemaInfo.unquote(target.strip()));
                    }
                }
            }
        }
        return out;
    }

    /**
     * The indexes of {@code table}, one row per indexed field. Every index is {@code tableIndexOther};
     * {@code NON_UNIQUE} is false for UNIQUE indexes. Two extra columns after the JDBC ones say what
     * kind of index it is: {@code INDEX_KIND} ({@code INDEX}, {@code UNIQUE}, {@code HNSW}, {@code MTREE},
     * {@code FULLTEXT}, {@code SEARCH}, {@code COUNT}) and {@code INDEX_DEFINITION} (its
     * {@code DEFINE INDEX} text). Only plain and UNIQUE indexes are ordered ({@code ASC_OR_DESC} "A").
     * A COUNT index covers no field: its one row has a NULL {@code COLUMN_NAME} and
     * {@code ORDINAL_POSITION} 0. {@code FILTER_CONDITION} is NULL: SurrealDB has no partial indexes.
     */
    @Override
    public ResultSet getIndexInfo(String catalog, String schema, String table, boolean unique, boolean approximate)
            throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        if (table != null) {
            for (MetadataQueries.Scope s : queries.exactScopes(catalog, schema)) {
                MetadataQueries.Loaded l = queries.load(s, null, List.of(table), List.of(), 0);
                if (!l.database().tables().containsKey(table)) {
                    continue;
                }
                for (SchemaInfo.Index i : l.detail(table).indexes()) {
                    if (unique && !i.unique()) {
                        continue;
                    }
                    String definition = "DEFINE INDEX " + ident(i.name()) + " ON " + ident(table)
                            + (i.columns().isEmpty() ? "" : " FIELDS " + String.join(", ", i.columns()))
                            + (i.spec().isEmpty() ? "" : " " + i.spec());
                    List<String> cols = i.columns().isEmpty() ? Collections.singletonList(null) : i.columns();
                    for (int p = 0; p < cols.size(); p++) {
                        rows.add(row(s.ns(), s.db(), table, !i.unique(), null, i.name(), (short) tableIndexOther,
                                (short) (cols.get(p) == null ? 0 : p + 1), cols.get(p), i.ordered() ? "A" : null,
                                null, null, null, i.kind(), definition));
                    }
                }
            }
        }
        rows.sort(byColumns(3, 6, 5, 7));
        return result(INDEX_INFO, rows);
    }

    /** A name as SurrealQL writes it: bare when a plain identifier, else in backticks. */
    static String ident(String name) {
        return name.matches("[A-Za-z_][A-Za-z0-9_]*") ? name : TableSchemas.quote(name);
    }

    // ================================================================== functions and procedures

    /**
     * The {@code DEFINE FUNCTION fn::…} functions. {@code FUNCTION_NAME} is the full name
     * ({@code fn::greet}); a pattern may name it with or without {@code fn::}.
     */
    @Override
    public ResultSet getFunctions(String catalog, String schemaPattern, String functionNamePattern)
            throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        for (Fn f : functions(catalog, schemaPattern, functionNamePattern)) {
            rows.add(row(f.scope().ns(), f.scope().db(), f.fn().name(), f.fn().comment(),
                    (short) (f.fn().returns() == null ? functionResultUnknown : functionNoTable), f.fn().name()));
        }
        rows.sort(byColumns(0, 1, 2, 5));
        return result(FUNCTIONS, rows);
    }

    /** The return value ({@code functionReturn}, named {@code return}, ordinal 0) and parameters of each function. */
    @Override
    public ResultSet getFunctionColumns(String catalog, String schemaPattern, String functionNamePattern,
                                        String columnNamePattern) throws SQLException {
        LikePattern columns = LikePattern.of(columnNamePattern);
        List<List<Object>> rows = new ArrayList<>();
        for (Fn f : functions(catalog, schemaPattern, functionNamePattern)) {
            int i = 0;
            for (Param p : params(f.fn())) {
                if (columns.matches(p.name())) {
                    SurrealTypes.Type t = p.type();
                    rows.add(row(f.scope().ns(), f.scope().db(), f.fn().name(), p.name(),
                            (short) (i == 0 ? functionReturn : functionColumnIn), t.sqlType(), t.name(),
                            columnSize(t), null, null, SurrealTypes.isNumeric(t.sqlType()) ? (short) 10 : null,
                            (short) (t.nullable() ? functionNullable : functionNoNulls), null,
                            t.sqlType() == Types.VARCHAR ? SurrealTypes.UNBOUNDED : null, i,
                            t.nullable() ? "YES" : "NO", f.fn().name()));
                }
                i++;
            }
        }
        rows.sort(byColumns(0, 1, 2, 16));
        return result(FUNCTION_COLUMNS, rows);
    }

    /**
     * The same {@code fn::} functions as {@link #getFunctions} ({@code procedureReturnsResult}): tools
     * that only know procedures list them, and {@code {call fn::name(?)}} calls them.
     */
    @Override
    public ResultSet getProcedures(String catalog, String schemaPattern, String procedureNamePattern)
            throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        for (Fn f : functions(catalog, schemaPattern, procedureNamePattern)) {
            rows.add(row(f.scope().ns(), f.scope().db(), f.fn().name(), null, null, null, f.fn().comment(),
                    (short) procedureReturnsResult, f.fn().name()));
        }
        rows.sort(byColumns(0, 1, 2, 8));
        return result(PROCEDURES, rows);
    }

    @Override
    public ResultSet getProcedureColumns(String catalog, String schemaPattern, String procedureNamePattern,
                                         String columnNamePattern) throws SQLException {
        LikePattern columns = LikePattern.of(columnNamePattern);
        List<List<Object>> rows = new ArrayList<>();
        for (Fn f : functions(catalog, schemaPattern, procedureNamePattern)) {
            int i = 0;
            for (Param p : params(f.fn())) {
                if (columns.matches(p.name())) {
                    SurrealTypes.Type t = p.type();
                    rows.add(row(f.scope().ns(), f.scope().db(), f.fn().name(), p.name(),
                            (short) (i == 0 ? procedureColumnReturn : procedureColumnIn), t.sqlType(), t.name(),
                            columnSize(t), null, null, SurrealTypes.isNumeric(t.sqlType()) ? (short) 10 : null,
                            (short) (t.nullable() ? procedureNullable : procedureNoNulls), null, null, null, null,
                            t.sqlType() == Types.VARCHAR ? SurrealTypes.UNBOUNDED : null, i,
                            t.nullable() ? "YES" : "NO", f.fn().name()));
                }
                i++;
            }
        }
        rows.sort(byColumns(0, 1, 2, 19));
        return result(PROCEDURE_COLUMNS, rows);
    }

    /** A function of a database. */
    private record Fn(MetadataQueries.Scope scope, SchemaInfo.Function fn) {
    }

    /** A function's return value (first) and parameters, typed. */
    private record Param(String name, SurrealTypes.Type type) {
    }

    private static List<Param> params(SchemaInfo.Function fn) {
        List<Param> out = new ArrayList<>();
        out.add(new Param("return", SurrealTypes.parse(fn.returns())));
        for (SchemaInfo.Param p : fn.params()) {
            out.add(new Param(p.name(), SurrealTypes.parse(p.type())));
        }
        return out;
    }

    private List<Fn> functions(String catalog, String schemaPattern, String namePattern) throws SQLException {
        LikePattern names = LikePattern.of(namePattern);
        List<Fn> out = new ArrayList<>();
        for (MetadataQueries.Scope s : queries.scopes(catalog, schemaPattern)) {
            for (SchemaInfo.Function f : queries.database(s).functions()) {
                if (names.matches(f.name()) || names.matches(f.name().substring("fn::".length()))) {
                    out.add(new Fn(s, f));
                }
            }
        }
        return out;
    }

    // ================================================================== types and client info

    /** SurrealDB's types ({@link TypeInfo#TYPES}); {@code regex} and {@code file} only from 3.x. */
    @Override
    public ResultSet getTypeInfo() throws SQLException {
        return result(TYPE_INFO, TypeInfo.rows(connection.client().serverMajorVersion()));
    }

    @Override
    public ResultSet getClientInfoProperties() throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row("ApplicationName", 0, null, "Name of the application using the connection"));
        rows.add(row("ClientHostname", 0, null, "Host name of the client"));
        rows.add(row("ClientUser", 0, null, "User of the application"));
        return result(CLIENT_INFO, rows);
    }

    /** Orders rows by the given 0-based columns (NULLs first, then natural order). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<List<Object>> byColumns(int... columns) {
        return (a, b) -> {
            for (int c : columns) {
                Object x = a.get(c);
                Object y = b.get(c);
                if (x == y) {
                    continue;
                }
                if (x == null) {
                    return -1;
                }
                if (y == null) {
                    return 1;
                }
                int r = x instanceof Boolean bx ? Boolean.compare(bx, (Boolean) y) : ((Comparable) x).compareTo(y);
                if (r != 0) {
                    return r;
                }
            }
            return 0;
        };
    }

    // ================================================================== empty result sets

    /**
     * Empty: SurrealDB's PERMISSIONS are row filters (FOR select WHERE …) evaluated per record user,
     * not grants; system users (root, namespace, database) have their role on everything.
     */
    @Override
    public ResultSet getColumnPrivileges(String catalog, String schema, String table, String columnNamePattern)
            throws SQLException {
        return result(COLUMN_PRIVILEGES, List.of());
    }

    /** Empty: see {@link #getColumnPrivileges}. */
    @Override
    public ResultSet getTablePrivileges(String catalog, String schemaPattern, String tableNamePattern)
            throws SQLException {
        return result(TABLE_PRIVILEGES, List.of());
    }

    /** Empty: SurrealDB has no user-defined types (objects are typed by their fields, not by a named type). */
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

    /** Empty: {@code id} is an ordinary column (getColumns lists it); there are no hidden ones. */
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
            "CARDINALITY:L", "PAGES:L", "FILTER_CONDITION", "INDEX_KIND", "INDEX_DEFINITION");
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

    /** System users (the only ones who can list functions) may call every function. */
    @Override
    public boolean allProceduresAreCallable() {
        return true;
    }

    /** System users (the only ones who can list tables) may select from every table. */
    @Override
    public boolean allTablesAreSelectable() {
        return true;
    }

    // --------------------------------------------------------------- NULL ordering
    // SurrealDB orders NONE and NULL before every other value: first ascending, last descending.

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

    /** {@code NULL + 1} is an error ("Cannot perform addition"), not NULL. */
    @Override
    public boolean nullPlusNonNullIsNull() {
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

    // --------------------------------------------------------------- identifiers
    // Names are case-sensitive (person and Person are two tables) and stored as written, quoted or not:
    // like MySQL on Linux, "supports mixed case" is true and every "stores … case" (which describe
    // case-INsensitive storage) is false.

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
        return false;
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
        return false;
    }

    // --------------------------------------------------------------- DDL

    /** Fields are added with {@code DEFINE FIELD}, not {@code ALTER TABLE … ADD COLUMN}. */
    @Override
    public boolean supportsAlterTableWithAddColumn() {
        return false;
    }

    /** Fields are dropped with {@code REMOVE FIELD}. */
    @Override
    public boolean supportsAlterTableWithDropColumn() {
        return false;
    }

    /** Fields without an {@code option<…>} type refuse NONE. */
    @Override
    public boolean supportsNonNullableColumns() {
        return true;
    }

    /** No SQL integrity enhancement facility (CHECK/REFERENCES clauses); SurrealDB has ASSERT and REFERENCE. */
    @Override
    public boolean supportsIntegrityEnhancementFacility() {
        return false;
    }

    // --------------------------------------------------------------- SELECT

    /** {@code SELECT expr AS name}. */
    @Override
    public boolean supportsColumnAliasing() {
        return true;
    }

    /** {@code FROM person AS p} is a parse error. */
    @Override
    public boolean supportsTableCorrelationNames() {
        return false;
    }

    @Override
    public boolean supportsDifferentTableCorrelationNames() {
        return false;
    }

    /** ORDER BY takes field names of the selection only ({@code ORDER BY a + c} is a parse error). */
    @Override
    public boolean supportsExpressionsInOrderBy() {
        return false;
    }

    /** "Missing order idiom in statement selection": ORDER BY fields must be selected. */
    @Override
    public boolean supportsOrderByUnrelated() {
        return false;
    }

    @Override
    public boolean supportsGroupBy() {
        return true;
    }

    /** "Missing group idiom in statement selection": GROUP BY fields must be selected. */
    @Override
    public boolean supportsGroupByUnrelated() {
        return false;
    }

    @Override
    public boolean supportsGroupByBeyondSelect() {
        return false;
    }

    /** No LIKE (SurrealQL matches with {@code ~}, {@code string::matches} and regexes). */
    @Override
    public boolean supportsLikeEscapeClause() {
        return false;
    }

    /** A script of several statements gives several results. */
    @Override
    public boolean supportsMultipleResultSets() {
        return true;
    }

    @Override
    public boolean supportsMultipleOpenResults() {
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

    /** No JOIN: records link to each other ({@code author.name}, graph edges). */
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

    /** No UNION (arrays have {@code array::union}). */
    @Override
    public boolean supportsUnion() {
        return false;
    }

    @Override
    public boolean supportsUnionAll() {
        return false;
    }

    /** {@code WHERE age > (SELECT VALUE … LIMIT 1)}. */
    @Override
    public boolean supportsSubqueriesInComparisons() {
        return true;
    }

    /** No EXISTS keyword. */
    @Override
    public boolean supportsSubqueriesInExists() {
        return false;
    }

    /** {@code WHERE x IN (SELECT VALUE …)}. */
    @Override
    public boolean supportsSubqueriesInIns() {
        return true;
    }

    /** No {@code > ALL (subquery)}. */
    @Override
    public boolean supportsSubqueriesInQuantifieds() {
        return false;
    }

    /** Subqueries see the outer record as {@code $parent}. */
    @Override
    public boolean supportsCorrelatedSubqueries() {
        return true;
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

    // --------------------------------------------------------------- qualified names
    // A statement cannot name another namespace or database (FROM db.t reads a field path, not a
    // table): tools must switch with setCatalog/setSchema (USE) instead of qualifying names, so the
    // answers for data manipulation, procedure calls, indexes and privileges are false. The two
    // "…InTableDefinitions" answers are true: every table is defined in a namespace and database, and
    // these two are what schema tools read to learn that the database HAS catalogs and schemas
    // (SchemaCrawler builds no namespace/database hierarchy, and finds no schema to crawl, without them).

    @Override
    public boolean supportsSchemasInDataManipulation() {
        return false;
    }

    @Override
    public boolean supportsSchemasInProcedureCalls() {
        return false;
    }

    @Override
    public boolean supportsSchemasInTableDefinitions() {
        return true;
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
        return false;
    }

    @Override
    public boolean supportsCatalogsInProcedureCalls() {
        return false;
    }

    @Override
    public boolean supportsCatalogsInTableDefinitions() {
        return true;
    }

    @Override
    public boolean supportsCatalogsInIndexDefinitions() {
        return false;
    }

    @Override
    public boolean supportsCatalogsInPrivilegeDefinitions() {
        return false;
    }

    // --------------------------------------------------------------- routines and statements

    /** {@code DEFINE FUNCTION fn::…}, called with {@code {call fn::name(?)}} (listed by getProcedures). */
    @Override
    public boolean supportsStoredProcedures() {
        return true;
    }

    @Override
    public boolean supportsStoredFunctionsUsingCallSyntax() {
        return true;
    }

    /** CallableStatement parameters are positional. */
    @Override
    public boolean supportsNamedParameters() {
        return false;
    }

    @Override
    public boolean supportsBatchUpdates() {
        return true;
    }

    /** {@code getGeneratedKeys} gives the created record ids. */
    @Override
    public boolean supportsGetGeneratedKeys() {
        return true;
    }

    /** Only for the statements that create records. */
    @Override
    public boolean generatedKeyAlwaysReturned() {
        return false;
    }

    @Override
    public boolean supportsStatementPooling() {
        return false;
    }

    @Override
    public boolean autoCommitFailureClosesAllResultSets() {
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

    /** Blobs and clobs are in-memory copies: changing one does not change the database. */
    @Override
    public boolean locatorsUpdateCopy() {
        return true;
    }

    // --------------------------------------------------------------- result set changes: read-only, forward-only

    @Override
    public boolean ownUpdatesAreVisible(int type) {
        return false;
    }

    @Override
    public boolean ownDeletesAreVisible(int type) {
        return false;
    }

    @Override
    public boolean ownInsertsAreVisible(int type) {
        return false;
    }

    @Override
    public boolean othersUpdatesAreVisible(int type) {
        return false;
    }

    @Override
    public boolean othersDeletesAreVisible(int type) {
        return false;
    }

    @Override
    public boolean othersInsertsAreVisible(int type) {
        return false;
    }

    @Override
    public boolean updatesAreDetected(int type) {
        return false;
    }

    @Override
    public boolean deletesAreDetected(int type) {
        return false;
    }

    @Override
    public boolean insertsAreDetected(int type) {
        return false;
    }
}
