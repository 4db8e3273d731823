package dev.surrealj.calcite;

import dev.surrealj.testing.SurrealTestDb;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;

/**
 * A TPC-H-flavoured data set, written identically to SurrealDB and to H2 (the oracle): nations,
 * customers linking to a nation, parts, orders linking to a customer, the relation table
 * {@code lineitem} (orders → part) and a schemaless {@code review} table. About 5,400 rows.
 */
final class Sample {
    static final String[] SEGMENTS = {"AUTOMOBILE", "BUILDING", "FURNITURE", "HOUSEHOLD", "MACHINERY"};
    static final String[] REGIONS = {"AFRICA", "AMERICA", "ASIA", "EUROPE", "MIDDLE EAST"};
    static final String[] STATUS = {"F", "O", "P"};
    static final int NATIONS = 10;
    static final int CUSTOMERS = 400;
    static final int PARTS = 150;
    static final int ORDERS = 1500;
    static final int LINES = 3000;
    static final int REVIEWS = 300;

    private Sample() {
    }

    record Data(List<Object[]> nation, List<Object[]> customer, List<Object[]> part, List<Object[]> orders,
                List<Object[]> contains, List<Object[]> review) {
    }

    static Data generate() {
        Random r = new Random(42);
        List<Object[]> nation = new ArrayList<>();
        for (int i = 1; i <= NATIONS; i++) {
            nation.add(new Object[] {"nation:" + i, "Nation " + i, REGIONS[i % REGIONS.length]});
        }
        List<Object[]> customer = new ArrayList<>();
        for (int i = 1; i <= CUSTOMERS; i++) {
            String phone = i % 7 == 0 ? null : (r.nextInt(9) + 1) + "-" + (100 + r.nextInt(900));
            double balance = Math.round((r.nextInt(2_000_000) - 200_000) / 100.0 * 100) / 100.0 + i / 100_000.0;
            customer.add(new Object[] {"customer:" + i, "Customer#" + i, "nation:" + (1 + r.nextInt(NATIONS)),
                SEGMENTS[r.nextInt(SEGMENTS.length)], balance, phone});
        }
        List<Object[]> part = new ArrayList<>();
        for (int i = 1; i <= PARTS; i++) {
            part.add(new Object[] {"part:" + i, "Part " + i, "Brand#" + (1 + r.nextInt(5)),
                (long) (1 + r.nextInt(50)), 1 + r.nextInt(90_000) / 100.0});
        }
        List<Object[]> orders = new ArrayList<>();
        LocalDateTime base = LocalDateTime.of(2024, 1, 1, 0, 0);
        for (int i = 1; i <= ORDERS; i++) {
            // customers 391..400 have no orders
            double total = (i * 7919L % 100_000) / 100.0;
            orders.add(new Object[] {"orders:" + i, "customer:" + (1 + r.nextInt(CUSTOMERS - 10)),
                base.plusHours(r.nextInt(24 * 365)), STATUS[r.nextInt(STATUS.length)], total, (long) (1 + r.nextInt(5))});
        }
        List<Object[]> contains = new ArrayList<>();
        for (int i = 1; i <= LINES; i++) {
            contains.add(new Object[] {"lineitem:" + i, "orders:" + (1 + (i - 1) % ORDERS), "part:" + (1 + r.nextInt(PARTS)),
                (long) (1 + r.nextInt(50)), r.nextInt(11) / 100.0});
        }
        List<Object[]> review = new ArrayList<>();
        for (int i = 1; i <= REVIEWS; i++) {
            // note: NULL, missing (NONE) or a value; H2 holds NULL for both
            review.add(new Object[] {"review:" + i, "part:" + (1 + r.nextInt(PARTS)), (long) (1 + r.nextInt(5)),
                "review text " + i, i % 3 == 2 ? "n" + (i % 4) : null, i % 3 == 0});
        }
        return new Data(nation, customer, part, orders, contains, review);
    }

    /** Loads {@code data} into the test database (one HTTP request per table). */
    static void loadSurreal(SurrealTestDb db, Data d) {
        db.sql("""
            DEFINE TABLE nation SCHEMAFULL;
            DEFINE FIELD name ON nation TYPE string;
            DEFINE FIELD region ON nation TYPE string;
            DEFINE TABLE customer SCHEMAFULL;
            DEFINE FIELD name ON customer TYPE string;
            DEFINE FIELD nation ON customer TYPE record<nation>;
            DEFINE FIELD segment ON customer TYPE string;
            DEFINE FIELD balance ON customer TYPE float;
            DEFINE FIELD phone ON customer TYPE option<string>;
            DEFINE TABLE part SCHEMAFULL;
            DEFINE FIELD name ON part TYPE string;
            DEFINE FIELD brand ON part TYPE string;
            DEFINE FIELD size ON part TYPE int;
            DEFINE FIELD price ON part TYPE float;
            DEFINE TABLE orders SCHEMAFULL;
            DEFINE FIELD customer ON orders TYPE record<customer>;
            DEFINE FIELD orderdate ON orders TYPE datetime;
            DEFINE FIELD status ON orders TYPE string;
            DEFINE FIELD total ON orders TYPE float;
            DEFINE FIELD priority ON orders TYPE int;
            DEFINE TABLE lineitem TYPE RELATION IN orders OUT part SCHEMAFULL;
            DEFINE FIELD quantity ON lineitem TYPE int;
            DEFINE FIELD discount ON lineitem TYPE float;
            DEFINE TABLE review SCHEMALESS;
            """);
        insert(db, "nation", d.nation(), (b, row) -> b.append("{id: ").append(row[0]).append(", name: ")
                .append(str(row[1])).append(", region: ").append(str(row[2])).append('}'));
        insert(db, "customer", d.customer(), (b, row) -> {
            b.append("{id: ").append(row[0]).append(", name: ").append(str(row[1])).append(", nation: ").append(row[2])
                    .append(", segment: ").append(str(row[3])).append(", balance: ").append(dbl(row[4]));
            if (row[5] != null) {
                b.append(", phone: ").append(str(row[5]));
            }
            b.append('}');
        });
        insert(db, "part", d.part(), (b, row) -> b.append("{id: ").append(row[0]).append(", name: ").append(str(row[1]))
                .append(", brand: ").append(str(row[2])).append(", size: ").append(row[3]).append(", price: ")
                .append(dbl(row[4])).append('}'));
        insert(db, "orders", d.orders(), (b, row) -> b.append("{id: ").append(row[0]).append(", customer: ").append(row[1])
                .append(", orderdate: d'").append(((LocalDateTime) row[2]).toInstant(ZoneOffset.UTC)).append("', status: ")
                .append(str(row[3])).append(", total: ").append(dbl(row[4])).append(", priority: ").append(row[5])
                .append('}'));
        StringBuilder rel = new StringBuilder();
        for (int i = 0; i < d.contains().size(); i += 500) {
            rel.append("INSERT RELATION INTO lineitem [");
            List<Object[]> chunk = d.contains().subList(i, Math.min(d.contains().size(), i + 500));
            for (int j = 0; j < chunk.size(); j++) {
                Object[] row = chunk.get(j);
                rel.append(j == 0 ? "" : ", ").append("{id: ").append(row[0]).append(", in: ").append(row[1])
                        .append(", out: ").append(row[2]).append(", quantity: ").append(row[3]).append(", discount: ")
                        .append(dbl(row[4])).append('}');
            }
            rel.append("] RETURN NONE;\n");
        }
        db.sql(rel.toString());
        insert(db, "review", d.review(), (b, row) -> {
            b.append("{id: ").append(row[0]).append(", part: ").append(row[1]).append(", stars: ").append(row[2])
                    .append(", text: ").append(str(row[3]));
            if (((Long) row[2]) == 5L) {
                b.append(", tags: ['great', 'five']");
            }
            if (row[4] != null) {
                b.append(", note: ").append(str(row[4]));
            } else if ((Boolean) row[5]) {
                b.append(", note: NULL");
            }
            b.append('}');
        });
    }

    private interface Writer {
        void write(StringBuilder b, Object[] row);
    }

    private static void insert(SurrealTestDb db, String table, List<Object[]> rows, Writer w) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < rows.size(); i += 500) {
            b.append("INSERT INTO ").append(table).append(" [");
            List<Object[]> chunk = rows.subList(i, Math.min(rows.size(), i + 500));
            for (int j = 0; j < chunk.size(); j++) {
                if (j > 0) {
                    b.append(", ");
                }
                w.write(b, chunk.get(j));
            }
            b.append("] RETURN NONE;\n");
        }
        db.sql(b.toString());
    }

    private static String str(Object s) {
        return "'" + s.toString().replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static String dbl(Object d) {
        String s = Double.toString((Double) d);
        return s.contains("E") ? new BigDecimal(s).toPlainString() + "f" : s + "f";
    }

    /** An H2 in-memory database holding the same data (record ids as text). */
    static Connection loadH2(Data d, String name) throws SQLException {
        Connection h2 = DriverManager.getConnection("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", new Properties());
        try (Statement s = h2.createStatement()) {
            s.execute("CREATE TABLE nation (id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, region VARCHAR NOT NULL)");
            s.execute("CREATE TABLE customer (id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, nation VARCHAR NOT NULL, "
                    + "segment VARCHAR NOT NULL, balance DOUBLE NOT NULL, phone VARCHAR)");
            s.execute("CREATE TABLE part (id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, brand VARCHAR NOT NULL, "
                    + "size BIGINT NOT NULL, price DOUBLE NOT NULL)");
            s.execute("CREATE TABLE orders (id VARCHAR PRIMARY KEY, customer VARCHAR NOT NULL, orderdate TIMESTAMP NOT NULL, "
                    + "status VARCHAR NOT NULL, total DOUBLE NOT NULL, priority BIGINT NOT NULL)");
            s.execute("CREATE TABLE lineitem (id VARCHAR PRIMARY KEY, \"in\" VARCHAR NOT NULL, \"out\" VARCHAR NOT NULL, "
                    + "quantity BIGINT NOT NULL, discount DOUBLE NOT NULL)");
            s.execute("CREATE TABLE review (id VARCHAR PRIMARY KEY, part VARCHAR, stars BIGINT, text VARCHAR, note VARCHAR)");
        }
        fill(h2, "nation", 3, d.nation());
        fill(h2, "customer", 6, d.customer());
        fill(h2, "part", 5, d.part());
        fill(h2, "orders", 6, d.orders());
        fill(h2, "lineitem", 5, d.contains());
        fill(h2, "review", 5, d.review());
        return h2;
    }

    private static void fill(Connection h2, String table, int n, List<Object[]> rows) throws SQLException {
        try (PreparedStatement ps = h2.prepareStatement("INSERT INTO " + table + " VALUES (" + "?, ".repeat(n - 1) + "?)")) {
            for (Object[] row : rows) {
                for (int i = 0; i < n; i++) {
                    ps.setObject(i + 1, row[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The rows of a query, each value normalised (numbers to 4 decimals) so H2 and Calcite compare. */
    static List<List<String>> rows(Connection c, String sql) throws SQLException {
        List<List<String>> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.add(normalise(rs.getObject(i)));
                }
                out.add(row);
            }
        }
        return out;
    }

    static String normalise(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof Number n) {
            BigDecimal b = n instanceof BigDecimal bd ? bd : new BigDecimal(n.toString());
            return b.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        }
        return v.toString();
    }
}
