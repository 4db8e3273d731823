package dev.surrealj.rpc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A 3.x interactive transaction ({@code begin}): its calls carry the top-level {@code txn} id until
 * {@link #commit()} or {@link #cancel()}. Closing an unfinished transaction cancels it.
 *
 * <pre>{@code
 * try (RpcTransaction tx = client.begin().await()) {
 *     tx.query("UPDATE account:a SET balance -= 10").await();
 *     tx.query("UPDATE account:b SET balance += 10").await();
 *     tx.commit().await();
 * } catch (SurrealException e) {
 *     if (e.isRetryable()) { ... run it again ... }
 * }
 * }</pre>
 *
 * <p>SurrealDB 3.0.x ignores {@code txn} for the {@code update}, {@code patch}, {@code relate} and
 * {@code run} methods, so inside a transaction these typed methods send the equivalent {@code query}
 * ({@code UPDATE $what CONTENT $data}, {@code … PATCH $data}, {@code RELATE $in->$relation->$out},
 * {@code RETURN fn::name($a0, …)}) with every value bound as a variable; {@link #call(String, Object...)}
 * sends exactly what it is given. A transaction does not survive a reconnect (the server forgets it;
 * later calls fail). Not available over HTTP or on 2.x.
 */
public final class RpcTransaction extends RpcOperations implements AutoCloseable {
    private final AtomicBoolean finished = new AtomicBoolean();

    RpcTransaction(ClientCore core, UUID session, UUID txn, Duration timeout) {
        super(core, session, txn, timeout);
    }

    /** The transaction id. */
    public UUID id() {
        return txn;
    }

    /** Whether commit or cancel was sent. */
    public boolean isFinished() {
        return finished.get();
    }

    /** {@code commit}. Fails with a retryable {@link SurrealException} on a conflict. */
    public RpcFuture<Void> commit() {
        finished.set(true);
        return core.call("commit", new ArrayList<>(List.of(txn)), session, null, timeout).map(r -> null);
    }

    /** {@code cancel}: rolls back. */
    public RpcFuture<Void> cancel() {
        finished.set(true);
        return core.call("cancel", new ArrayList<>(List.of(txn)), session, null, timeout).map(r -> null);
    }

    /** Cancels unless committed or cancelled already; errors are ignored. */
    @Override
    public void close() {
        if (!finished.get()) {
            try {
                cancel().await();
            } catch (SurrealException e) {
                // the transaction is gone either way
            }
        }
    }

    @Override
    public String toString() {
        return "RpcTransaction[" + txn + (session != null ? ", session " + session : "") + "]";
    }
}
