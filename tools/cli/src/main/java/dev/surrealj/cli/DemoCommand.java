package dev.surrealj.cli;

import dev.surrealj.jdbc.SurrealConnection;
import dev.surrealj.rpc.LiveNotification;
import dev.surrealj.rpc.LiveSubscription;
import dev.surrealj.testing.SurrealServer;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code surrealj demo}: starts SurrealDB's engine locally (or uses {@code --url}) and walks through
 * the driver: a schema, a batch of inserts, a graph query, a transaction, a live query, plain SQL
 * through the SQL translator, and full SQL (joins, window functions) through the Calcite adapter.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start the local SurrealDB engine and walk through SurrealJ's JDBC driver.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--url", description = "use this server instead of starting one, e.g. jdbc:surrealdb://127.0.0.1:8000/demo/demo")
    String url;

    @Option(names = "--user", description = "user for --url")
    String user;

    @Option(names = "--password", description = "password for --url", interactive = true, arity = "0..1")
    String password;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        SurrealServer server = null;
        String jdbcUrl = url;
        if (jdbcUrl == null) {
            out.println("Starting SurrealDB's engine (tools/dev-server) …");
            server = SurrealServer.start();
            out.println("  engine ready at " + server.wsUrl());
            jdbcUrl = "jdbc:surrealdb://" + server.host() + ":" + server.port() + "/demo/demo";
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
            run(c, jdbcUrl);
            plainSql(jdbcUrl);
            calcite(jdbcUrl);
            out.println("\nDone.");
        } finally {
            if (server != null) {
                server.close();
            }
        }
        return 0;
    }

    private void run(Connection c, String jdbcUrl) throws SQLException, InterruptedException {
        SurrealConnection surreal = c.unwrap(SurrealConnection.class);
        out.println("\n1. Connected: " + jdbcUrl + " (" + c.getMetaData().getDatabaseProductName() + " "
                + surreal.getServerVersion() + ", driver " + c.getMetaData().getDriverVersion() + ")");

        try (Statement s = c.createStatement()) {
            s.execute("""
                    DEFINE TABLE person SCHEMAFULL;
                    DEFINE FIELD name ON person TYPE string;
                    DEFINE FIELD born ON person TYPE int;
                    DEFINE TABLE knows TYPE RELATION FROM person TO person;
                    """);
        }
        out.println("\n2. Schema defined: person (SCHEMAFULL), knows (a relation)");

        try (PreparedStatement insert = c.prepareStatement("CREATE type::record('person', ?) SET name = ?, born = ?")) {
            Object[][] people = {{"ada", "Ada Lovelace", 1815}, {"grace", "Grace Hopper", 1906},
                    {"alan", "Alan Turing", 1912}, {"edsger", "Edsger Dijkstra", 1930}};
            for (Object[] p : people) {
                insert.setString(1, (String) p[0]);
                insert.setString(2, (String) p[1]);
                insert.setInt(3, (Integer) p[2]);
                insert.addBatch();
            }
            int[] counts = insert.executeBatch();
            out.println("\n3. Inserted with one batch request: " + java.util.Arrays.toString(counts));
        }

        try (Statement s = c.createStatement()) {
            s.executeUpdate("RELATE person:ada->knows->person:alan; RELATE person:grace->knows->person:alan;"
                    + " RELATE person:alan->knows->person:edsger;");
            out.println("\n4. Graph query: who knows whom");
            print(s.executeQuery("SELECT name, ->knows->person.name AS knows FROM person ORDER BY name"));
        }

        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE person:ada SET born = 1816");
            c.rollback();
            s.executeUpdate("UPDATE person:grace SET name = 'Rear Admiral Grace Hopper'");
            c.commit();
        } finally {
            c.setAutoCommit(true);
        }
        out.println("\n5. Transaction: one update rolled back, one committed");
        try (Statement s = c.createStatement()) {
            print(s.executeQuery("SELECT id, name, born FROM person:ada, person:grace"));
        }

        out.println("\n6. Live query on person:");
        try (LiveSubscription live = surreal.live("person", false);
             PreparedStatement create = c.prepareStatement("CREATE person:barbara SET name = ?, born = ?")) {
            create.setString(1, "Barbara Liskov");
            create.setInt(2, 1939);
            create.executeUpdate();
            LiveNotification n = live.poll(Duration.ofSeconds(5));
            out.println(n == null ? "   (no notification within 5 s)"
                    : "   " + n.action() + " " + n.recordId() + " " + n.record());
        }
    }

    /** Step 7: a second connection in SQL translation mode, as a SQL-only tool would use it. */
    private void plainSql(String jdbcUrl) throws SQLException {
        java.util.Properties p = new java.util.Properties();
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        p.setProperty("sqlTranslation", "true");
        String sql = "SELECT \"name\", born FROM person WHERE born < ? ORDER BY 2 DESC FETCH FIRST 2 ROWS ONLY";
        try (Connection c = DriverManager.getConnection(jdbcUrl, p);
             PreparedStatement ps = c.prepareStatement(sql)) {
            out.println("\n7. Plain SQL (sqlTranslation=true): " + sql.replace("?", "1920"));
            out.println("   sent as SurrealQL: " + c.nativeSQL(sql));
            ps.setInt(1, 1920);
            print(ps.executeQuery());
        }
    }

    /** Step 8: full ANSI SQL through Apache Calcite, with the part SurrealDB can answer pushed down. */
    private void calcite(String jdbcUrl) throws SQLException {
        java.util.Properties p = new java.util.Properties();
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        String sql = "SELECT p.name, COUNT(k.\"out\") AS knows, RANK() OVER (ORDER BY p.born) AS seniority"
                + " FROM person p LEFT JOIN knows k ON k.\"in\" = p.id WHERE p.born < 1950"
                + " GROUP BY p.name, p.born ORDER BY p.born";
        String url = "jdbc:surrealdb-sql:" + jdbcUrl.substring("jdbc:surrealdb:".length());
        try (Connection c = DriverManager.getConnection(url, p); Statement s = c.createStatement()) {
            out.println("\n8. Full SQL through Apache Calcite (" + url + "):");
            out.println("   " + sql);
            try (ResultSet plan = s.executeQuery("EXPLAIN PLAN FOR " + sql)) {
                while (plan.next()) {
                    for (String line : plan.getString(1).split("\\R")) {
                        int at = line.indexOf("surrealql=[");
                        if (at >= 0) {
                            out.println("   pushed down: " + line.substring(at + 11, line.lastIndexOf(']')));
                        }
                    }
                }
            }
            print(s.executeQuery(sql));
        }
    }

    private void print(ResultSet rs) throws SQLException {
        try (rs) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> header = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                header.add(md.getColumnLabel(i));
            }
            out.println("   " + String.join(" | ", header));
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.add(rs.getString(i));
                }
                out.println("   " + String.join(" | ", row));
            }
        }
    }
}
