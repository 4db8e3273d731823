package dev.surrealj.jooq;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.surrealj.jooq.ddl.SurrealDDL;
import dev.surrealj.testing.SurrealServer;
import dev.surrealj.testing.SurrealTestDb;
import dev.surrealj.value.RecordId;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/** The test data set and its jOOQ names, shared by the corpus and the engine tests. */
final class Fixture {
    private Fixture() {
    }

    static final Table<Record> PERSON = table(name("person"));
    static final Table<Record> POST = table(name("post"));
    static final Table<Record> DOC = table(name("doc"));
    static final Field<RecordId> ID = field(name("id"), SurrealDataTypes.RECORD_ID);
    static final Field<String> NAME = field(name("name"), String.class);
    static final Field<Integer> AGE = field(name("age"), Integer.class);
    static final Field<String> CITY = field(name("city"), String.class);
    static final Field<Double> SCORE = field(name("score"), Double.class);
    static final Field<Instant> BORN = field(name("born"), SurrealDataTypes.DATETIME);
    static final Field<List<Object>> TAGS = field(name("tags"), SurrealDataTypes.ARRAY);
    static final Field<String> ADDRESS_CITY = field(name("address", "city"), String.class);
    static final Field<String> TITLE = field(name("title"), String.class);
    static final Field<String> BODY = field(name("body"), String.class);
    static final Field<Object> EMB = field(name("emb"), SurrealDataTypes.ANY);

    /** SurrealQL that creates the data set (valid on 2.x and 3.x). */
    static String data() {
        return """
            CREATE person:ann SET name = 'Ann', age = 31, city = 'Oslo', score = 7.5, tags = ['a', 'b'],
                address = {city: 'Oslo', zip: '0150'}, born = d'1993-04-05T00:00:00Z';
            CREATE person:bob SET name = 'Bob', age = 25, city = 'Bergen', score = 6.0, tags = ['b'],
                address = {city: 'Bergen'}, born = d'1999-12-24T10:30:00Z';
            CREATE person:cid SET name = 'Cid', age = 40, city = 'Oslo', score = 9.0, tags = [],
                born = d'1984-01-31T00:00:00Z';
            CREATE person:dee SET name = 'dee', age = NULL, city = 'Tromso', score = 5.5;
            CREATE person:eve SET age = 19, city = 'Bergen', score = 8.0;
            CREATE post:1 SET title = 'Graphs in SurrealDB', views = 10;
            CREATE post:2 SET title = 'Vectors', views = 3;
            RELATE person:ann->follows->person:bob SET since = 2020;
            RELATE person:bob->follows->person:cid SET since = 2021;
            RELATE person:cid->follows->person:dee SET since = 2022;
            RELATE person:ann->wrote->post:1;
            RELATE person:bob->wrote->post:2;
            RELATE person:bob->likes->post:1 SET weight = 3;
            RELATE person:cid->likes->post:1 SET weight = 1;
            CREATE doc:1 SET body = 'The quick brown fox jumps over the lazy dog', emb = [1.0, 0.0, 0.0];
            CREATE doc:2 SET body = 'A lazy afternoon with a good book', emb = [0.0, 1.0, 0.0];
            CREATE doc:3 SET body = 'Foxes are quick and clever animals', emb = [0.9, 0.1, 0.0];
            """;
    }

    /** The schema statements of the data set, rendered for a version with the DDL builder. */
    static String schema(SurrealVersion v) {
        return SurrealDDL.script(v,
                SurrealDDL.defineAnalyzer("simple").tokenizers("blank", "class").filters("lowercase", "ascii"),
                SurrealDDL.defineIndex("doc_body", "doc").fields("body").fulltext("simple").bm25(1.2, 0.75).highlights(),
                SurrealDDL.defineIndex("doc_emb", "doc").fields("emb").hnsw(3).dist(SurrealDSL.Distance.EUCLIDEAN));
    }

    static void load(SurrealTestDb db, SurrealVersion v) {
        db.sql(schema(v) + data());
    }

    static Connection connect(SurrealTestDb db) throws SQLException {
        return connect(db.server(), db.namespace(), db.database());
    }

    static Connection connect(SurrealServer server, String ns, String dbName) throws SQLException {
        Properties p = new Properties();
        if (server.user() != null) {
            p.setProperty("user", server.user());
            p.setProperty("password", server.password());
        }
        return DriverManager.getConnection("jdbc:surrealdb://" + server.host() + ":" + server.port() + "/" + ns + "/"
                + dbName, p);
    }

    static Map<String, Object> map(Object... kv) {
        java.util.LinkedHashMap<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }
}
