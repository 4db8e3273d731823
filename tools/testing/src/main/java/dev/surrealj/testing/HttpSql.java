package dev.surrealj.testing;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** SurrealQL over {@code POST /sql}, with the JDK's HTTP client (test support must not use the driver). */
final class HttpSql {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private HttpSql() {
    }

    static String run(SurrealServer server, String namespace, String database, String surql) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.httpUrl().resolve("/sql"))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(surql, StandardCharsets.UTF_8));
        if (namespace != null) {
            request.header("Surreal-NS", namespace);
        }
        if (database != null) {
            request.header("Surreal-DB", database);
        }
        if (server.user() != null) {
            String basic = server.user() + ":" + server.password();
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            if (response.statusCode() != 200 || body.contains("\"status\":\"ERR\"")) {
                throw new IllegalStateException("SurrealQL failed (HTTP " + response.statusCode() + "): "
                        + abbreviate(surql) + "\n" + body);
            }
            return body;
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach " + server.httpUrl() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
