package dev.surrealj.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SurrealServerTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void startsReadyWithinFiveSecondsAndAnswersHealthAndVersion() throws Exception {
        DevServerProcess.ensureInstalled(DevServerProcess.locateDevServer()); // npm ci is not part of the start time
        long begin = System.nanoTime();
        try (SurrealServer server = SurrealServer.start()) {
            long millis = (System.nanoTime() - begin) / 1_000_000;
            assertTrue(millis < 5000, "READY after " + millis + " ms");
            assertTrue(server.port() > 0);
            assertEquals("ws://127.0.0.1:" + server.port() + "/rpc", server.wsUrl().toString());
            assertEquals(200, get(server.httpUrl().resolve("/health")).statusCode());
            HttpResponse<String> version = get(server.httpUrl().resolve("/version"));
            assertEquals(200, version.statusCode());
            assertTrue(version.body().startsWith("surrealdb-3."), version.body());
        }
    }

    @Test
    void stopEndsTheProcessAndFreesThePort() throws Exception {
        SurrealServer server = SurrealServer.start();
        server.stop();
        assertFalse(server.isAlive());
        assertThrows(ConnectException.class, () -> get(server.httpUrl().resolve("/health")));
    }

    @Test
    void restartOnTheSamePortKeepsSurrealKvData(@TempDir Path dir) throws Exception {
        SurrealServer first = SurrealServer.builder().storage("surrealkv://" + dir.resolve("data")).start();
        SurrealTestDb db = new SurrealTestDb(first, "keep", "data");
        db.sql("CREATE item:one SET n = 1");
        first.kill();
        try (SurrealServer second = first.restart()) {
            assertEquals(first.port(), second.port());
            String answer = new SurrealTestDb(second, "keep", "data").sql("SELECT n FROM item:one");
            assertTrue(answer.contains("\"n\":1"), answer);
        }
    }

    @Test
    void twoServersRunSideBySide() throws Exception {
        try (SurrealServer a = SurrealServer.start(); SurrealServer b = SurrealServer.start()) {
            assertNotEquals(a.port(), b.port());
            new SurrealTestDb(a, "n", "d").sql("CREATE thing:1");
            assertTrue(new SurrealTestDb(a, "n", "d").sql("INFO FOR DB").contains("thing"));
            String inB = new SurrealTestDb(b, "n", "d").sql("INFO FOR DB");
            assertFalse(inB.contains("thing"), inB);
        }
    }

    @Test
    void authenticatedServerNeedsTheRootUser() {
        try (SurrealServer server = SurrealServer.builder().user("admin", "s3cret-pw").start()) {
            assertEquals("admin", server.user());
            assertFalse(server.toString().contains("s3cret-pw"), server.toString());
            String ok = new SurrealTestDb(server, "n", "d").sql("RETURN 1 + 1");
            assertTrue(ok.contains("2"), ok);
        }
    }

    @Test
    void failedStartNamesTheCauseAndHidesThePassword() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SurrealServer.builder().user("admin", "hidden-pw").option("--no-such-option").start());
        assertFalse(e.getMessage().contains("hidden-pw"), e.getMessage());
        assertTrue(e.getMessage().contains("****"), e.getMessage());
    }

    @Test
    void externalServerParsesItsUrl() {
        SurrealServer server = SurrealServer.external("wss://db.example:9000/rpc");
        assertEquals("wss://db.example:9000/rpc", server.wsUrl().toString());
        assertEquals("https://db.example:9000", server.httpUrl().toString());
        assertFalse(server.isLocalProcess());
        assertThrows(IllegalStateException.class, server::kill);
        assertThrows(IllegalStateException.class, () -> SurrealServer.external(" "));
    }

    @Test
    void redactsPasswordsInCommandLines() {
        assertEquals("node s --pass **** --user u",
                DevServerProcess.redacted(List.of("node", "s", "--pass", "pw", "--user", "u")));
    }

    @Test
    void locatesTheDevServer() {
        Path dir = DevServerProcess.locateDevServer();
        assertTrue(Files.isRegularFile(dir.resolve("server.mjs")));
    }
}
