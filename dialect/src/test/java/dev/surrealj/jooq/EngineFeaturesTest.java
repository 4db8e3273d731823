package dev.surrealj.jooq;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surrealj.jdbc.SurrealDataSource;
import dev.surrealj.jooq.ddl.SurrealDDL;
import dev.surrealj.rpc.LiveNotification;
import dev.surrealj.rpc.LiveSubscription;
import dev.surrealj.testing.SurrealExtension;
import dev.surrealj.testing.SurrealTestDb;
import dev.surrealj.value.RecordId;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import org.jooq.CloseableDSLContext;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** SurrealDB features through jOOQ on the 3.x engine: live queries, schema statements, transactions, entry points. */
@ExtendWith(SurrealExtension.class)
class EngineFeaturesTest {
    private static Connection connection;
    private static DSLContext dsl;
    private static SurrealTestDb testDb;

    private static final Table<Record> ITEM = table(name("item"));
    private static final Field<String> LABEL = field(name("label"), String.class);
    private static final Field<Integer> QTY = field(name("qty"), Integer.class);

    @BeforeAll
    static void setUp(SurrealTestDb db) throws Exception {
        testDb = db;
        connection = Fixture.connect(db);
        dsl = SurrealDSL.using(connection);
    }

    @AfterAll
    static void close() throws Exception {
        connection.close();
    }

    @Test
    void liveSelect() throws Exception {
        SurrealDDL.defineTable("feed").ifNotExists().execute(dsl);
        try (LiveSubscription sub = SurrealDSL.live(dsl, dsl.selectFrom(table(name("feed"))).where(QTY.gt(10)))) {
            SurrealDSL.create("feed").set(LABEL, "small").set(QTY, 1).execute(dsl);
            SurrealDSL.create("feed").set(LABEL, "big").set(QTY, 99).execute(dsl);
            LiveNotification n = sub.poll(Duration.ofSeconds(10));
            assertNotNull(n, "no live notification");
            assertEquals(LiveNotification.Action.CREATE, n.action());
            assertEquals("big", n.record().get("label"));
        }
    }

    @Test
    void schemaStatementsAreEnforced() {
        SurrealDDL.defineTable("item").schemafull().execute(dsl);
        SurrealDDL.defineField("label", "item").type("string").assertThat(SurrealDDL.VALUE.ne("")).execute(dsl);
        SurrealDDL.defineField("qty", "item").type("int").defaultValue(1).assertThat(SurrealDDL.VALUE.ge(0)).execute(dsl);
        SurrealDDL.defineIndex("item_label", "item").fields("label").unique().execute(dsl);
        SurrealDDL.defineTable("item_log").schemaless().execute(dsl);
        SurrealDDL.defineEvent("item_created", "item").when(SurrealDDL.EVENT.eq("CREATE"))
                .then(SurrealDSL.create("item_log").set("label", SurrealDSL.idiom("$after.label"))).execute(dsl);
        SurrealDDL.defineFunction("double_it").arg("n", "int").returns("int").body("RETURN $n * 2;").execute(dsl);

        assertEquals(1, dsl.insertInto(ITEM, LABEL).values("pen").execute());
        assertEquals(1, dsl.select(QTY).from(ITEM).where(LABEL.eq("pen")).fetchOne(QTY));          // DEFAULT
        assertThrows(DataAccessException.class, () -> dsl.insertInto(ITEM, LABEL, QTY).values("ink", -1).execute());
        assertThrows(DataAccessException.class, () -> dsl.insertInto(ITEM, LABEL).values("pen").execute()); // UNIQUE
        assertEquals(List.of("pen"), dsl.select(field(name("label"), String.class)).from(table(name("item_log")))
                .fetch(0, String.class));                                                           // EVENT
        assertEquals(42, dsl.select(SurrealDSL.function("fn::double_it", Integer.class, 21).as("x"))
                .fetchOne(0, Integer.class));                                                       // FUNCTION

        SurrealDDL.removeFunction("double_it").execute(dsl);
        SurrealDDL.removeEvent("item_created", "item").execute(dsl);
        SurrealDDL.removeIndex("item_label", "item").execute(dsl);
        assertEquals(1, dsl.insertInto(ITEM, LABEL).values("pen").execute());
        SurrealDDL.removeTable("item").execute(dsl);
    }

    @Test
    void accessMethods() {
        SurrealDDL.defineAccess("api").jwt("HS512", "a-secret-key-that-is-long-enough-for-hs512-0123456789").execute(dsl);
        SurrealDDL.defineAccess("account").record()
                .signup("CREATE account_user SET email = $email")
                .signin("SELECT * FROM account_user WHERE email = $email")
                .tokenDuration(Duration.ofMinutes(15)).sessionDuration(Duration.ofHours(12)).execute(dsl);
        String info = testDb.sql("INFO FOR DB");
        assertTrue(info.contains("DEFINE ACCESS api") && info.contains("DEFINE ACCESS account"), info);
        SurrealDDL.removeAccess("api").execute(dsl);
        SurrealDDL.removeAccess("account").execute(dsl);
    }

    @Test
    void transactions() {
        Table<Record> tx = table(name("tx_item"));
        assertThrows(IllegalStateException.class, () -> dsl.transaction(cfg -> {
            DSL.using(cfg).insertInto(tx, LABEL).values("rolled back").execute();
            throw new IllegalStateException("rollback");
        }));
        dsl.transaction(cfg -> DSL.using(cfg).insertInto(tx, LABEL).values("kept").execute());
        assertEquals(List.of("kept"), dsl.select(LABEL).from(tx).fetch(LABEL));
    }

    @Test
    void unsupportedConstructsFailBeforeExecution() {
        UnsupportedSurrealQLException e = assertThrows(UnsupportedSurrealQLException.class,
                () -> dsl.select(LABEL).from(ITEM).join(table(name("other"))).on(DSL.trueCondition()).fetch());
        assertTrue(e.getMessage().contains("Calcite adapter"), e.getMessage());
        assertThrows(UnsupportedSurrealQLException.class, () -> dsl.batch(dsl.insertInto(ITEM, LABEL).values((String) null))
                .bind("a").bind("b").execute());
    }

    @Test
    void batchOfDistinctQueries() {
        Table<Record> b = table(name("batch_item"));
        int[] counts = dsl.batch(dsl.insertInto(b, LABEL, QTY).values("a", 1),
                dsl.insertInto(b, LABEL, QTY).values("it's", 2),
                dsl.update(b).set(QTY, 3).where(LABEL.eq("a"))).execute();
        assertEquals(3, counts.length);
        assertEquals(List.of("a:3", "it's:2"), dsl.select(LABEL, QTY).from(b).orderBy(LABEL)
                .fetch(r -> r.value1() + ":" + r.value2()));
    }

    @Test
    void entryPoints() throws Exception {
        String url = "jdbc:surrealdb://" + testDb.server().host() + ":" + testDb.server().port() + "/"
                + testDb.namespace() + "/" + testDb.database();
        SurrealDSL.create(new RecordId("entry", 1)).set(LABEL, "one").execute(dsl);
        try (CloseableDSLContext c = SurrealDSL.using(url, testDb.server().user(), testDb.server().password())) {
            assertEquals("one", c.select(LABEL).from(table(name("entry"))).fetchOne(LABEL));
            assertEquals(SurrealVersion.V3, SurrealDSL.version(c));
        }
        SurrealDataSource ds = new SurrealDataSource();
        ds.setUrl(url);
        if (testDb.server().user() != null) {
            ds.setUser(testDb.server().user());
            ds.setPassword(testDb.server().password());
        }
        DSLContext pooled = SurrealDSL.using(ds, SurrealVersion.V3);
        assertEquals("one", pooled.select(LABEL).from(table(name("entry"))).fetchOne(LABEL));
        assertEquals(1, pooled.fetchCount(table(name("entry"))));
    }
}
