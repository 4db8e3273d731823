package dev.surrealj.rpc;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * A live query's stream of {@link LiveNotification}s, consumed in exactly one of three ways:
 * a listener ({@link #listen(Consumer)}), pulling ({@link #poll(Duration)} / {@link #iterator()}),
 * or as a {@link Flow.Publisher} ({@link #subscribe(Flow.Subscriber)}, one subscriber).
 *
 * <pre>{@code
 * try (LiveSubscription sub = client.live("person", false).await()) {
 *     sub.listen(n -> System.out.println(n.action() + " " + n.recordId() + " " + n.record()));
 *     ...
 * } // closing sends kill
 *
 * LiveSubscription diffs = client.live("person", true).await();           // DIFF mode: n.diff()
 * LiveSubscription q = client.liveQuery("LIVE SELECT * FROM person WHERE age > $a", Map.of("a", 18)).await();
 * for (LiveNotification n : q) { ... }                                     // blocks; ends after KILLED
 * }</pre>
 *
 * <p><b>Buffering and overflow:</b> notifications wait in a buffer of
 * {@link RpcConfig#liveBufferCapacity()} entries until consumed (listeners run on a separate
 * delivery thread, never on the I/O thread; a publisher receives as many as it requested). When the
 * buffer is full the <b>oldest</b> notification is dropped and {@link #dropped()} counts it (logged as a
 * warning): the subscription stays open and a slow consumer sees the most recent changes.
 *
 * <p><b>End:</b> when the live query is killed (by {@link #close()}, by {@code kill} of its id, or by
 * {@code reset}) a {@link LiveNotification.Action#KILLED} notification is delivered last, then the
 * iterator ends and a publisher's subscriber gets {@code onComplete}. When the connection is lost for
 * good (no reconnect, or reconnect gave up) the subscription ends with a {@link SurrealException}:
 * {@link #done()} fails, {@link #poll(Duration)} and the iterator throw it, a subscriber gets {@code onError}.
 *
 * <p><b>Reconnect:</b> with a {@link ReconnectPolicy}, subscriptions made with {@code live} or
 * {@code liveQuery} are made again on the new connection: this same object keeps delivering, with a new
 * {@link #liveId()}, and {@link #onResubscribed(Consumer)} is told the new id. Changes made while
 * disconnected are not replayed. Subscriptions attached by id ({@link RpcOperations#subscribe(UUID)})
 * cannot be remade and end with a connection error.
 */
public final class LiveSubscription implements Flow.Publisher<LiveNotification>, Iterable<LiveNotification>,
        AutoCloseable {
    private static final System.Logger LOG = System.getLogger("dev.surrealj.rpc");

    /** Makes the live query again on a new connection. */
    interface Recipe {
        RpcFuture<UUID> resubscribe(RpcOperations.Caller caller, UUID session);
    }

    private enum Mode { NONE, LISTENER, PULL, PUBLISHER }

    private final ClientCore core;
    private final UUID session;
    private final Recipe recipe;
    private final int capacity;
    private volatile UUID liveId;
    private volatile Consumer<UUID> onResubscribed;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<LiveNotification> buffer = new ArrayDeque<>();
    private final AtomicLong dropped = new AtomicLong();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    // guarded by lock
    private boolean ended;
    private boolean killedSeen;
    private SurrealException failure;
    private Mode mode = Mode.NONE;
    private Consumer<? super LiveNotification> listener;
    private Flow.Subscriber<? super LiveNotification> subscriber;
    private long demand;
    private boolean draining;
    private boolean endSignalled;
    private boolean cancelled;
    private boolean publisherReady;
    private Throwable subscriberError;
    private long lastDropWarning;

    LiveSubscription(ClientCore core, UUID session, UUID liveId, Recipe recipe, int capacity) {
        this.core = core;
        this.session = session;
        this.liveId = liveId;
        this.recipe = recipe;
        this.capacity = capacity;
    }

    /** The live query's current id (changes after a reconnect). */
    public UUID liveId() {
        return liveId;
    }

    /** Number of notifications dropped because the buffer was full. */
    public long dropped() {
        return dropped.get();
    }

    /** Whether the subscription has ended (notifications may still wait in the buffer). */
    public boolean isClosed() {
        lock.lock();
        try {
            return ended;
        } finally {
            lock.unlock();
        }
    }

    /** Completes when the subscription ends: normally after KILLED or close, exceptionally on a lost connection. */
    public CompletionStage<Void> done() {
        return done.minimalCompletionStage();
    }

    /** Called with the new live id after a reconnect made the live query again. */
    public LiveSubscription onResubscribed(Consumer<UUID> callback) {
        this.onResubscribed = callback;
        return this;
    }

    /**
     * Delivers every notification (those already buffered first) to {@code listener}, one at a time, in
     * order, on a delivery thread. A listener that throws is logged and keeps receiving.
     *
     * @throws IllegalStateException when the subscription is already consumed another way
     */
    public LiveSubscription listen(Consumer<? super LiveNotification> l) {
        Objects.requireNonNull(l, "listener");
        lock.lock();
        try {
            claim(Mode.LISTENER);
            listener = l;
        } finally {
            lock.unlock();
        }
        scheduleDrain();
        return this;
    }

    /**
     * Waits up to {@code timeout} for the next notification.
     *
     * @return the notification, or {@code null} on timeout or when the subscription ended normally
     *     (see {@link #isClosed()})
     * @throws SurrealException when it ended with an error and nothing is buffered any more
     * @throws IllegalStateException when the subscription is consumed another way
     */
    public LiveNotification poll(Duration timeout) {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            claim(Mode.PULL);
            while (buffer.isEmpty() && !ended && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
            LiveNotification n = buffer.poll();
            if (n == null && ended && failure != null) {
                throw SurrealException.forCaller(failure);
            }
            return n;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SurrealException(SurrealException.Category.INTERRUPTED, "interrupted while waiting", e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * A blocking iterator: {@code hasNext()} waits for the next notification and returns {@code false}
     * once the subscription ended and the buffer is empty (it throws the {@link SurrealException} when it
     * ended with an error).
     */
    @Override
    public Iterator<LiveNotification> iterator() {
        lock.lock();
        try {
            claim(Mode.PULL);
        } finally {
            lock.unlock();
        }
        return new Iterator<>() {
            private LiveNotification next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    next = poll(Duration.ofDays(365 * 100));
                }
                return next != null;
            }

            @Override
            public LiveNotification next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                LiveNotification n = next;
                next = null;
                return n;
            }
        };
    }

    /**
     * Subscribes the one subscriber; notifications are delivered as requested, on a delivery thread.
     * Cancelling the {@link Flow.Subscription} closes this subscription (sends {@code kill}).
     */
    @Override
    public void subscribe(Flow.Subscriber<? super LiveNotification> s) {
        Objects.requireNonNull(s, "subscriber");
        lock.lock();
        try {
            claim(Mode.PUBLISHER);
            subscriber = s;
        } catch (IllegalStateException e) {
            lock.unlock();
            s.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                }

                @Override
                public void cancel() {
                }
            });
            s.onError(e);
            return;
        }
        lock.unlock();
        s.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
                if (n <= 0) {
                    lock.lock();
                    try {
                        if (subscriberError == null) {
                            subscriberError = new IllegalArgumentException(
                                    "request(" + n + "): must be positive (rule 3.9)");
                        }
                    } finally {
                        lock.unlock();
                    }
                    scheduleDrain();
                    closeAsync();
                    return;
                }
                lock.lock();
                try {
                    demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
                } finally {
                    lock.unlock();
                }
                scheduleDrain();
            }

            @Override
            public void cancel() {
                lock.lock();
                try {
                    cancelled = true;
                } finally {
                    lock.unlock();
                }
                closeAsync();
            }
        });
        lock.lock();
        try {
            publisherReady = true; // nothing is signalled before onSubscribe returned (rule 1.9)
        } finally {
            lock.unlock();
        }
        scheduleDrain();
    }

    /** Kills the live query and ends the subscription; does not wait for the server. */
    public RpcFuture<Void> closeAsync() {
        lock.lock();
        try {
            if (ended) {
                return RpcFuture.done(null);
            }
        } finally {
            lock.unlock();
        }
        UUID id = liveId;
        RpcFuture<Void> out = new RpcFuture<>();
        core.kill(id, session).whenComplete((r, e) -> {
            if (e != null) {
                LOG.log(Level.DEBUG, "kill of live query {0} failed: {1}", id, e.getMessage());
            }
            core.live().killed(id);
            out.complete(null);
        });
        return out;
    }

    /** Kills the live query (waiting at most the request timeout) and ends the subscription. */
    @Override
    public void close() {
        RpcFuture<Void> f = closeAsync();
        if (!EventLoops.isIoThread()) {
            try {
                f.await();
            } catch (SurrealException e) {
                // already logged; the subscription is ended either way
            }
        }
    }

    @Override
    public String toString() {
        return "LiveSubscription[" + liveId + (session != null ? ", session " + session : "")
                + (isClosed() ? ", closed" : "") + ", dropped " + dropped() + "]";
    }

    // ------------------------------------------------------------------ package-private

    UUID session() {
        return session;
    }

    Recipe recipe() {
        return recipe;
    }

    void setLiveId(UUID id) {
        UUID old = liveId;
        liveId = id;
        Consumer<UUID> cb = onResubscribed;
        if (cb != null && !id.equals(old)) {
            EventLoops.delivery().execute(() -> {
                try {
                    cb.accept(id);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "onResubscribed callback failed", e);
                }
            });
        }
    }

    /** A notification from the server (I/O thread). */
    void offer(LiveNotification n) {
        lock.lock();
        try {
            if (ended) {
                return;
            }
            if (buffer.size() >= capacity) {
                buffer.pollFirst();
                long d = dropped.incrementAndGet();
                long now = System.nanoTime();
                if (d == 1 || now - lastDropWarning > TimeUnit.SECONDS.toNanos(10)) {
                    lastDropWarning = now;
                    LOG.log(Level.WARNING, "live query {0}: buffer of {1} full, dropped the oldest notification"
                            + " ({2} dropped so far)", liveId, capacity, d);
                }
            }
            buffer.addLast(n);
            if (n.action() == LiveNotification.Action.KILLED) {
                killedSeen = true;
                endLocked(null);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        scheduleDrain();
    }

    /** The live query was killed: deliver KILLED (unless the server already sent it) and end. */
    void terminateKilled() {
        boolean add;
        lock.lock();
        try {
            add = !ended && !killedSeen;
        } finally {
            lock.unlock();
        }
        if (add) {
            offer(LiveNotification.killed(liveId, session));
        }
    }

    /** Ends without KILLED: normally ({@code failure == null}, client closed) or with an error. */
    void terminate(SurrealException error) {
        lock.lock();
        try {
            if (ended) {
                return;
            }
            endLocked(error);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        scheduleDrain();
    }

    private void endLocked(SurrealException error) {
        ended = true;
        failure = error;
        if (error == null) {
            done.complete(null);
        } else {
            done.completeExceptionally(error);
        }
    }

    private void claim(Mode m) {
        if (mode == Mode.NONE) {
            mode = m;
        } else if (mode != m) {
            throw new IllegalStateException("this subscription is already consumed as " + mode
                    + "; use one of listen, poll/iterator or subscribe");
        } else if (m != Mode.PULL) {
            throw new IllegalStateException("this subscription already has a " + m.name().toLowerCase());
        }
    }

    private void scheduleDrain() {
        lock.lock();
        try {
            if (draining || (mode != Mode.LISTENER && mode != Mode.PUBLISHER)) {
                return;
            }
            draining = true;
        } finally {
            lock.unlock();
        }
        EventLoops.delivery().execute(this::drain);
    }

    private void drain() {
        while (true) {
            LiveNotification n = null;
            boolean signalEnd = false;
            SurrealException error = null;
            Consumer<? super LiveNotification> l;
            Flow.Subscriber<? super LiveNotification> s;
            lock.lock();
            try {
                l = listener;
                s = subscriber;
                if (mode == Mode.PUBLISHER && (cancelled || !publisherReady || endSignalled)) {
                    draining = false;
                    return;
                }
                if (mode == Mode.PUBLISHER && subscriberError != null) {
                    endSignalled = true;
                    draining = false;
                    Throwable t = subscriberError;
                    lock.unlock();
                    try {
                        s.onError(t);
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "live query subscriber failed", e);
                    } finally {
                        lock.lock();
                    }
                    return;
                }
                if (mode == Mode.LISTENER || demand > 0) {
                    n = buffer.poll();
                    if (n != null && mode == Mode.PUBLISHER) {
                        demand--;
                    }
                }
                if (n == null) {
                    if (ended && buffer.isEmpty() && !endSignalled) {
                        endSignalled = true;
                        signalEnd = true;
                        error = failure;
                    } else {
                        draining = false;
                        return;
                    }
                }
            } finally {
                lock.unlock();
            }
            if (n != null) {
                try {
                    if (l != null) {
                        l.accept(n);
                    } else {
                        s.onNext(n);
                    }
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "live query listener failed", e);
                }
            } else if (signalEnd && s != null) {
                try {
                    if (error != null) {
                        s.onError(error);
                    } else {
                        s.onComplete();
                    }
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "live query subscriber failed", e);
                }
            }
        }
    }
}
