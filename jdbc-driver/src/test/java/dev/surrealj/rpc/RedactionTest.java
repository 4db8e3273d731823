package dev.surrealj.rpc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.surrealj.testing.SurrealServer;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** Nothing the client logs or throws shows a password or a token, even at the finest log level. */
class RedactionTest {

    @Test
    void passwordsAndTokensNeverReachLogsOrExceptions() {
        Logger logger = Logger.getLogger("dev.surrealj.rpc");
        List<String> lines = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                String text = r.getParameters() == null ? r.getMessage()
                        : MessageFormat.format(r.getMessage(), r.getParameters());
                synchronized (lines) {
                    lines.add(text + (r.getThrown() == null ? "" : " " + r.getThrown()));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level before = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.addHandler(capture);
        List<String> thrown = new ArrayList<>();
        String token;
        try {
            SurrealServer server = SurrealServer.shared();
            RpcConfig config = RpcTestSupport.config(server.wsUrl()).namespace("redact").database("db").build();
            try (SurrealClient c = SurrealClient.connect(config)) {
                RpcTestSupport.value(c, "DEFINE USER OVERWRITE redact_user ON ROOT PASSWORD 'Sup3rS3cret-pw' ROLES OWNER");
                token = c.signin(Credentials.root("redact_user", "Sup3rS3cret-pw")).await().access();
                thrown.add(assertThrows(SurrealException.class,
                        () -> c.signin(Credentials.root("redact_user", "Wr0ng-S3cret-pw")).await()).toString());
                thrown.add(assertThrows(SurrealException.class,
                        () -> c.authenticate("not-a-jwt-S3cret").await()).toString());
                c.authenticate(token).await();
                c.query("RETURN $x", Map.of("x", "Sup3rS3cret-pw")).await();
                thrown.add(c.toString());
            }
            try (SurrealClient h = SurrealClient.connect(RpcTestSupport.config(server.httpUrl())
                    .credentials(Credentials.root("redact_user", "Sup3rS3cret-pw")).build())) {
                h.ping().await();
            }
        } finally {
            logger.removeHandler(capture);
            logger.setLevel(before);
        }
        List<String> all = new ArrayList<>(thrown);
        synchronized (lines) {
            all.addAll(lines);
        }
        for (String s : all) {
            for (String secret : Arrays.asList("Sup3rS3cret", "Wr0ng-S3cret", "not-a-jwt-S3cret", token)) {
                assertFalse(s.contains(secret), () -> "secret leaked: " + s);
            }
        }
    }
}
