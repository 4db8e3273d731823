package dev.surrealj.rpc;

import static dev.surrealj.rpc.RpcTestSupport.assertSurreal;
import static dev.surrealj.rpc.RpcTestSupport.connect;
import static dev.surrealj.rpc.RpcTestSupport.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surrealj.rpc.SurrealException.Category;
import dev.surrealj.testing.SurrealTestDb;
import dev.surrealj.value.None;
import dev.surrealj.value.Range;
import dev.surrealj.value.RecordId;
import dev.surrealj.value.Table;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every RPC method against the SurrealDB 3.x engine. */
class RpcMethodsTest {
    private static SurrealClient client;
    private static SurrealTestDb db;

    @BeforeAll
    static void connectAll() {
        db = RpcTestSupport.freshDb("methods");
        client = connect(db);
        value(client, "DEFINE FUNCTION fn::add($a: int, $b: int) { RETURN $a + $b; };"
                + "DEFINE USER m_db_user ON DATABASE PASSWORD 'db-pw' ROLES EDITOR;"
                + "DEFINE USER m_ns_user ON NAMESPACE PASSWORD 'ns-pw' ROLES EDITOR;"
                + "DEFINE ACCESS account ON DATABASE TYPE RECORD"
                + " SIGNUP (CREATE user SET email = $email, pass = crypto::argon2::generate($pass))"
                + " SIGNIN (SELECT * FROM user WHERE email = $email AND crypto::argon2::compare(pass, $pass))"
                + " WITH REFRESH DURATION FOR TOKEN 1h, FOR SESSION 12h;"
                + "DEFINE TABLE user PERMISSIONS FOR select WHERE id = $auth;"
                + "DEFINE TABLE acct; DEFINE TABLE resettable; DEFINE TABLE generic_live;");
    }

    @AfterAll
    static void closeAll() {
        client.close();
    }

    @Test
    void pingAndVersion() {
        assertNull(client.ping().await());
        assertTrue(client.version().await().startsWith("surrealdb-3."), client.version().await());
        assertEquals(3, client.serverMajorVersion());
        assertTrue(client.isConnected());
    }

    @Test
    void useSelectsNamespaceAndDatabaseAndNullKeeps() {
        try (SurrealClient c = connect(db)) {
            assertEquals(List.of(db.namespace(), db.database()), value(c, "RETURN [session::ns(), session::db()]"));
            c.use(null, "other").await();
            assertEquals(List.of(db.namespace(), "other"), value(c, "RETURN [session::ns(), session::db()]"));
            Object answer = c.call("use", db.namespace(), db.database()).await();
            assertEquals(Map.of("namespace", db.namespace(), "database", db.database()), answer);
        }
    }

    @Test
    void queryGivesOneResultPerStatement() {
        List<QueryResult> r = client.query("CREATE q:1 SET a = $a; SELECT * FROM nosuchtable; THROW 'boom'; RETURN 7",
                Map.of("a", 5L)).await();
        assertEquals(4, r.size());
        assertTrue(r.get(0).isOk());
        assertEquals(List.of(Map.of("a", 5L, "id", new RecordId("q", 1L))), r.get(0).result());
        assertNotNull(r.get(0).time());
        assertNotNull(r.get(0).elapsed());
        assertEquals(QueryResult.Status.ERR, r.get(1).status());
        assertEquals("NotFound", r.get(1).errorKind());
        assertTrue(r.get(1).errorMessage().contains("nosuchtable"));
        SurrealException e = assertThrows(SurrealException.class, () -> r.get(1).orThrow());
        assertEquals(Category.QUERY, e.category());
        assertEquals("NotFound", e.kind());
        assertEquals("Thrown", r.get(2).errorKind());
        assertEquals(7L, r.get(3).orThrow());
    }

    @Test
    void parseErrorFailsTheWholeRequest() {
        SurrealException e = assertSurreal(Category.PARSE, () -> client.query("SELEC nonsense").await());
        assertEquals(-32000, e.code());
        assertEquals("Validation", e.kind());
        assertTrue(e.getMessage().startsWith("Parse error"));
    }

    @Test
    void unknownMethodIsUnsupported() {
        SurrealException e = assertSurreal(Category.UNSUPPORTED, () -> client.call("no_such_method").await());
        assertEquals(-32601, e.code());
    }

    @Test
    void crudMethods() {
        RecordId ada = new RecordId("person", "ada");
        assertEquals(Map.of("id", ada, "age", 36L), client.create(ada, Map.of("age", 36)).await());
        Object generated = client.create("person", Map.of("age", 1)).await();
        assertInstanceOf(RecordId.class, ((Map<?, ?>) generated).get("id"));
        List<?> inserted = (List<?>) client.insert("person", List.of(Map.of("id", "bob", "age", 2), Map.of("age", 3)))
                .await();
        assertEquals(2, inserted.size());
        assertEquals(Map.of("id", ada, "age", 37L), client.update(ada, Map.of("age", 37)).await());
        assertEquals(Map.of("id", new RecordId("person", "cy"), "age", 5L),
                client.upsert(new RecordId("person", "cy"), Map.of("age", 5)).await());
        assertEquals(Map.of("id", ada, "age", 37L, "name", "Ada"), client.merge(ada, Map.of("name", "Ada")).await());
        assertEquals(Map.of("id", ada, "age", 40L, "name", "Ada"), client.patch(ada,
                List.of(Map.of("op", "replace", "path", "/age", "value", 40)), false).await());
        assertEquals(List.of(Map.of("op", "replace", "path", "/age", "value", 41L)), client.patch(ada,
                List.of(Map.of("op", "replace", "path", "/age", "value", 41)), true).await());
        Map<?, ?> likes = (Map<?, ?>) client.relate(ada, "likes", new RecordId("person", "bob"), Map.of("w", 1)).await();
        assertEquals(ada, likes.get("in"));
        assertEquals(new RecordId("person", "bob"), likes.get("out"));
        List<?> knows = (List<?>) client.insertRelation("knows",
                Map.of("in", ada, "out", new RecordId("person", "cy"))).await();
        assertEquals(new RecordId("person", "cy"), ((Map<?, ?>) knows.get(0)).get("out"));
        assertEquals(Map.of("id", new RecordId("person", "cy"), "age", 5L),
                client.delete(new RecordId("person", "cy")).await());
        assertEquals(4, ((List<?>) client.select("person").await()).size());
        assertEquals(4, ((List<?>) client.select(new Table("person")).await()).size());
        assertEquals(List.of(Map.of("id", ada, "age", 41L, "name", "Ada")),
                client.select(new RecordId("person", Range.closed("ada", "adb"))).await());
        assertEquals(None.NONE, client.select(new RecordId("person", "nobody")).await());
    }

    @Test
    void runCallsFunctions() {
        assertEquals(4L, client.run("string::len", "abcd").await());
        assertEquals(5L, client.run("fn::add", 2, 3).await());
        assertSurreal(Category.SERVER, () -> client.run("fn::missing").await());
    }

    @Test
    void letAndUnset() {
        try (SurrealClient c = connect(db)) {
            c.let("$greeting", "hello").await();
            c.let("n", 3).await();
            assertEquals(List.of("hello", 3L), value(c, "RETURN [$greeting, $n]"));
            c.unset("greeting").await();
            assertEquals(None.NONE, value(c, "RETURN $greeting"));
        }
    }

    @Test
    void resetClearsNamespaceVariablesAndLiveQueries() throws Exception {
        try (SurrealClient c = connect(db)) {
            c.let("v", 1).await();
            LiveSubscription sub = c.live("resettable", false).await();
            c.reset().await();
            assertTrue(sub.isClosed());
            assertEquals(LiveNotification.Action.KILLED, sub.poll(Duration.ofSeconds(1)).action());
            QueryResult noNamespace = c.query("RETURN $v").await().get(0);
            assertTrue(noNamespace.errorMessage().contains("namespace"), noNamespace::toString);
            c.use(db.namespace(), db.database()).await();
            assertEquals(None.NONE, value(c, "RETURN $v"));
        }
    }

    @Test
    void signinSystemUsersAndWrongPassword() {
        value(client, "DEFINE USER OVERWRITE m_root ON ROOT PASSWORD 'root-pw' ROLES OWNER");
        try (SurrealClient c = connect(db)) {
            Tokens t = c.signin(Credentials.root("m_root", "root-pw")).await();
            assertNotNull(t.access());
            assertFalse(t.toString().contains(t.access()), "tokens must not print");
            assertNotNull(c.signin(Credentials.namespace(db.namespace(), "m_ns_user", "ns-pw")).await().access());
            assertNotNull(c.signin(Credentials.database(db.namespace(), db.database(), "m_db_user", "db-pw"))
                    .await().access());
            SurrealException e = assertSurreal(Category.AUTHENTICATION,
                    () -> c.signin(Credentials.root("m_root", "wrong-secret")).await());
            assertEquals(SurrealException.CODE_INVALID_AUTH, e.code());
            assertFalse(e.getMessage().contains("wrong-secret"));
            assertFalse(e.toString().contains("wrong-secret"));
        }
    }

    @Test
    void signinFailureWhileConnectingIsAuthentication() {
        Map<String, Object> vars = Map.of("email", "connect@example.com", "pass", "right-pw");
        try (SurrealClient c = connect(db)) {
            c.signup(Credentials.recordAccess(db.namespace(), db.database(), "account", vars)).await();
        }
        RpcConfig.Builder ok = RpcTestSupport.config(db.server().wsUrl()).namespace(db.namespace())
                .database(db.database());
        try (SurrealClient c = SurrealClient.connect(ok.credentials(Credentials.recordAccess(db.namespace(),
                db.database(), "account", vars)).build())) {
            assertTrue(c.isConnected());
        }
        // a wrong record-access password: the SIGNIN query returns no record ("No record was returned")
        Map<String, Object> wrong = Map.of("email", "connect@example.com", "pass", "wrong-pw");
        RpcConfig bad = RpcTestSupport.config(db.server().wsUrl()).namespace(db.namespace()).database(db.database())
                .credentials(Credentials.recordAccess(db.namespace(), db.database(), "account", wrong)).build();
        SurrealException e = assertSurreal(Category.AUTHENTICATION, () -> SurrealClient.connect(bad));
        assertTrue(e.isAuthenticationError());
        assertFalse(e.toString().contains("wrong-pw"));
        // a wrong system user password too, and an invalid token
        RpcConfig badUser = RpcTestSupport.config(db.server().wsUrl())
                .credentials(Credentials.database(db.namespace(), db.database(), "m_db_user", "nope")).build();
        assertSurreal(Category.AUTHENTICATION, () -> SurrealClient.connect(badUser));
        RpcConfig badToken = RpcTestSupport.config(db.server().wsUrl()).credentials(Credentials.token("not.a.token"))
                .build();
        assertSurreal(Category.AUTHENTICATION, () -> SurrealClient.connect(badToken));
    }

    @Test
    void recordAccessSignupSigninAuthenticateRefreshRevokeInfoInvalidate() {
        Map<String, Object> vars = Map.of("email", "ada@example.com", "pass", "s3cret");
        try (SurrealClient c = connect(db); RpcSession s = c.attach().await()) {
            Tokens up = s.signup(Credentials.recordAccess(db.namespace(), db.database(), "account", vars)).await();
            assertNotNull(up.access());
            assertNotNull(up.refresh());
            Tokens in = s.signin(Credentials.recordAccess(db.namespace(), db.database(), "account", vars)).await();
            assertNotNull(in.access());
            Map<?, ?> me = (Map<?, ?>) s.info().await();
            assertEquals("ada@example.com", me.get("email"));

            Tokens refreshed = s.refresh(in).await();
            assertNotNull(refreshed.access());
            assertNotEquals(in.refresh(), refreshed.refresh());
            assertNull(s.revoke(refreshed).await());
            assertSurreal(Category.AUTHENTICATION, () -> s.refresh(refreshed).await());

            s.invalidate().await();
            assertEquals(None.NONE, s.info().await());
            s.authenticate(in.access()).await();
            assertEquals("ada@example.com", ((Map<?, ?>) s.info().await()).get("email"));
            assertSurreal(Category.AUTHENTICATION, () -> s.authenticate("not.a.token").await());
        }
    }

    @Test
    void sessionsAreIsolatedAndListed() {
        try (SurrealClient c = connect(db)) {
            RpcSession s = c.attach().await();
            assertTrue(c.sessions().await().contains(s.id()));
            assertEquals(None.NONE, value(s, "RETURN session::ns()"), "a new session has no namespace");
            s.use(db.namespace(), db.database()).await();
            s.let("who", "session").await();
            assertEquals("session", value(s, "RETURN $who"));
            assertEquals(None.NONE, value(c, "RETURN $who"));
            assertEquals(List.of(db.namespace(), db.database()), value(s, "RETURN [session::ns(), session::db()]"));
            s.detach().await();
            assertFalse(c.sessions().await().contains(s.id()));
        }
    }

    @Test
    void transactionCommitAndCancel() {
        RpcTransaction tx = client.begin().await();
        assertNotNull(tx.id());
        tx.query("CREATE acct:1 SET b = 1").await();
        tx.create(new RecordId("acct", 2L), Map.of("b", 2)).await();
        assertEquals(2, ((List<?>) tx.select("acct").await()).size());
        assertEquals(List.of(), value(client, "SELECT * FROM acct WHERE b > 0 AND b < 3"),
                "not visible outside the transaction");
        tx.cancel().await();
        assertTrue(tx.isFinished());
        assertEquals(List.of(), value(client, "SELECT * FROM acct WHERE b > 0 AND b < 3"));

        try (RpcTransaction tx2 = client.begin().await()) {
            tx2.query("CREATE acct:9 SET b = 9").await();
            tx2.commit().await();
            assertSurreal(Category.SERVER, () -> tx2.commit().await());
        }
        assertEquals(List.of(Map.of("id", new RecordId("acct", 9L), "b", 9L)), value(client, "SELECT * FROM acct:9"));
    }

    @Test
    void everyDataMethodHonoursTheTransaction() {
        value(client, "CREATE tx_p:a SET n = 0; CREATE tx_p:b SET n = 0; CREATE tx_p:c SET n = 0");
        RecordId a = new RecordId("tx_p", "a");
        RecordId b = new RecordId("tx_p", "b");
        RecordId c = new RecordId("tx_p", "c");
        try (RpcTransaction tx = client.begin().await()) {
            tx.update(a, Map.of("n", 1)).await();
            tx.merge(b, Map.of("m", 1)).await();
            tx.patch(c, List.of(Map.of("op", "add", "path", "/p", "value", 1)), false).await();
            tx.upsert(new RecordId("tx_p", "d"), Map.of("n", 4)).await();
            tx.insert("tx_p", Map.of("id", "e", "n", 5)).await();
            tx.relate(a, "tx_rel", b, Map.of("w", 1)).await();
            tx.insertRelation("tx_rel", Map.of("in", b, "out", c)).await();
            tx.delete(c).await();
            assertEquals(8L, tx.run("math::sum", List.of(3, 5)).await());
            tx.cancel().await();
        }
        assertEquals(List.of(0L, 0L, 0L), value(client, "RETURN [tx_p:a.n, tx_p:b.n, tx_p:c.n]"),
                "after cancel nothing changed");
        assertEquals(List.of(), value(client, "SELECT * FROM tx_p WHERE m OR p"));
        assertSurreal(Category.QUERY, () -> value(client, "SELECT * FROM tx_rel"));

        try (RpcTransaction tx = client.begin().await()) {
            assertEquals(Map.of("id", a, "n", 1L), tx.update(a, Map.of("n", 1)).await());
            assertEquals(List.of(Map.of("op", "add", "path", "/p", "value", 1L)),
                    tx.patch(c, List.of(Map.of("op", "add", "path", "/p", "value", 1)), true).await());
            Map<?, ?> rel = (Map<?, ?>) tx.relate(a, new Table("tx_rel"), b, null).await();
            assertEquals(a, rel.get("in"));
            tx.commit().await();
        }
        assertEquals(List.of(1L, 0L, 0L), value(client, "RETURN [tx_p:a.n, tx_p:b.n, tx_p:c.n]"));
        assertEquals(1L, value(client, "RETURN count(SELECT * FROM tx_rel)"));
    }

    @Test
    void conflictingTransactionsAreRetryable() {
        value(client, "CREATE counter:1 SET n = 0");
        RpcTransaction t1 = client.begin().await();
        RpcTransaction t2 = client.begin().await();
        t1.query("UPDATE counter:1 SET n += 1").await();
        t2.query("UPDATE counter:1 SET n += 1").await();
        t1.commit().await();
        SurrealException e = assertThrows(SurrealException.class, () -> t2.commit().await());
        assertTrue(e.isRetryable(), () -> "expected a retryable conflict: " + e);
        assertEquals(Category.TRANSACTION_CONFLICT, e.category());
        assertEquals(1L, value(client, "RETURN counter:1.n"));
    }

    @Test
    void sessionTransaction() {
        try (RpcSession s = client.attach().await()) {
            s.use(db.namespace(), db.database()).await();
            RpcTransaction tx = s.begin().await();
            tx.query("CREATE stx:1").await();
            tx.commit().await();
            assertEquals(1L, value(client, "RETURN count(SELECT * FROM stx)"));
        }
    }

    @Test
    void perCallTimeoutLeavesTheConnectionUsable() {
        long t0 = System.nanoTime();
        SurrealException e = assertSurreal(Category.TIMEOUT,
                () -> client.withTimeout(Duration.ofMillis(200)).query("SLEEP 1s").await());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 900, "timed out after " + ms + " ms");
        assertTrue(e.isTimeout());
        assertEquals(Duration.ofMillis(200), client.withTimeout(Duration.ofMillis(200)).timeout());
        assertEquals(2L, value(client, "RETURN 1 + 1"));
    }

    @Test
    void awaitWithTimeoutAndInterrupt() {
        RpcFuture<List<QueryResult>> slow = client.query("SLEEP 300ms");
        assertSurreal(Category.TIMEOUT, () -> slow.await(Duration.ofMillis(20)));
        Thread.currentThread().interrupt();
        assertSurreal(Category.INTERRUPTED, () -> client.query("SLEEP 300ms").await());
        assertTrue(Thread.interrupted(), "interrupt flag kept");
        slow.await();
    }

    @Test
    void liveAndKillViaGenericCall() throws Exception {
        Object id = client.call("live", "generic_live").await();
        UUID liveId = assertInstanceOf(UUID.class, id);
        LiveSubscription sub = client.subscribe(liveId);
        client.create("generic_live", Map.of("x", 1)).await();
        assertEquals(LiveNotification.Action.CREATE, sub.poll(Duration.ofSeconds(5)).action());
        client.call("kill", liveId).await();
        assertEquals(LiveNotification.Action.KILLED, sub.poll(Duration.ofSeconds(5)).action());
        assertTrue(sub.isClosed());
    }

    @Test
    void invalidArgumentsAreReportedWithoutSending() {
        assertSurreal(Category.INVALID_ARGUMENT, () -> client.call("query", "RETURN $x", Map.of("x", new Object())).await());
        assertEquals(1L, value(client, "RETURN 1"));
    }
}
