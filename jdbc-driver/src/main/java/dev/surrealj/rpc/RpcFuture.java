package dev.surrealj.rpc;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The answer to an RPC call: a {@link CompletableFuture} that fails only with {@link SurrealException},
 * plus a blocking {@link #await()} that rethrows it unwrapped.
 *
 * <p>Futures complete on the client's I/O thread: callbacks attached with {@code thenApply},
 * {@code whenComplete} … must not block (use the {@code …Async} variants for slow work).
 * {@link #await()} refuses to run on an I/O thread, where it would deadlock.
 *
 * <pre>{@code
 * Object people = client.select("person").await();                 // blocking
 * client.query("RETURN 1").thenAccept(results -> ...);             // asynchronous
 * }</pre>
 *
 * @param <T> the result type
 */
public class RpcFuture<T> extends CompletableFuture<T> {
    /** The request timeout armed on the event loop for this answer, cancelled when it arrives (transport internal). */
    volatile io.netty.util.concurrent.ScheduledFuture<?> timer;

    /** An incomplete future (for the client's internals and for tests). */
    public RpcFuture() {
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new RpcFuture<>();
    }

    /**
     * Waits for the result.
     *
     * @return the result
     * @throws SurrealException the failure (a copy whose stack shows this caller, with the original as cause);
     *     category {@link SurrealException.Category#INTERRUPTED} when the thread is interrupted (the interrupt
     *     flag is kept)
     */
    public T await() {
        EventLoops.checkNotIoThread();
        try {
            return get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SurrealException(SurrealException.Category.INTERRUPTED, "interrupted while waiting", e);
        } catch (ExecutionException | RuntimeException e) {
            throw SurrealException.forCaller(e);
        }
    }

    /**
     * Waits at most {@code timeout} for the result; the request itself keeps running.
     *
     * @throws SurrealException category {@link SurrealException.Category#TIMEOUT} when the time runs out
     */
    public T await(Duration timeout) {
        EventLoops.checkNotIoThread();
        try {
            return get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SurrealException(SurrealException.Category.INTERRUPTED, "interrupted while waiting", e);
        } catch (TimeoutException e) {
            throw new SurrealException(SurrealException.Category.TIMEOUT, "no answer within " + timeout, e);
        } catch (ExecutionException | RuntimeException e) {
            throw SurrealException.forCaller(e);
        }
    }

    /** {@link #thenApply(Function)} typed as an {@code RpcFuture}. */
    public <U> RpcFuture<U> map(Function<? super T, ? extends U> fn) {
        RpcFuture<U> out = new RpcFuture<>();
        whenComplete((v, e) -> {
            if (e != null) {
                out.completeExceptionally(SurrealException.of(e));
                return;
            }
            try {
                out.complete(fn.apply(v));
            } catch (SurrealException s) {
                out.completeExceptionally(s);
            } catch (RuntimeException r) {
                out.completeExceptionally(SurrealException.protocol("unexpected result: " + r.getMessage(), r));
            }
        });
        return out;
    }

    /** {@link #thenCompose(Function)} typed as an {@code RpcFuture}. */
    public <U> RpcFuture<U> flatMap(Function<? super T, ? extends CompletableFuture<U>> fn) {
        RpcFuture<U> out = new RpcFuture<>();
        whenComplete((v, e) -> {
            if (e != null) {
                out.completeExceptionally(SurrealException.of(e));
                return;
            }
            try {
                fn.apply(v).whenComplete((u, e2) -> {
                    if (e2 != null) {
                        out.completeExceptionally(SurrealException.of(e2));
                    } else {
                        out.complete(u);
                    }
                });
            } catch (RuntimeException r) {
                out.completeExceptionally(SurrealException.of(r));
            }
        });
        return out;
    }

    /** Cancels {@link #timer}, if any. */
    final void cancelTimer() {
        io.netty.util.concurrent.ScheduledFuture<?> t = timer;
        if (t != null) {
            timer = null;
            t.cancel(false);
        }
    }

    static <T> RpcFuture<T> failed(SurrealException e) {
        RpcFuture<T> f = new RpcFuture<>();
        f.completeExceptionally(e);
        return f;
    }

    static <T> RpcFuture<T> done(T value) {
        RpcFuture<T> f = new RpcFuture<>();
        f.complete(value);
        return f;
    }
}
