package dev.surrealj.rpc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;

/**
 * A 3.x server-side session attached to a {@link SurrealClient}'s connection: its calls carry the
 * top-level {@code session} id and have their own namespace, database, authentication and variables.
 * Restored (attached again, state replayed) after a reconnect. Not available over HTTP or on 2.x.
 *
 * <pre>{@code
 * try (RpcSession s = client.attach().await()) {
 *     s.signin(Credentials.recordAccess("shop", "main", "user", Map.of("email", e, "pass", p))).await();
 *     s.use("shop", "main").await();
 *     s.query("SELECT * FROM orders").await();   // with that user's permissions
 * } // detach
 * }</pre>
 */
public final class RpcSession extends RpcOperations implements AutoCloseable {

    RpcSession(ClientCore core, UUID id, Duration timeout) {
        super(core, id, null, timeout);
    }

    /** The session id. */
    public UUID id() {
        return session;
    }

    /** {@code detach}: ends the session on the server. */
    public RpcFuture<Void> detach() {
        return core.call("detach", new ArrayList<>(), session, null, timeout).map(r -> null);
    }

    /** Detaches, waiting for the answer; errors (e.g. a closed client) are ignored. */
    @Override
    public void close() {
        try {
            detach().await();
        } catch (SurrealException e) {
            // the session is gone either way
        }
    }

    @Override
    public String toString() {
        return "RpcSession[" + session + "]";
    }
}
