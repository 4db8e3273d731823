package dev.surrealj.rpc;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.FastThreadLocalThread;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The process-wide Netty event loop group (NIO, daemon threads, created on first use, never shut
 * down) and the executor that runs live-query listeners.
 *
 * <p>Threads: {@code surrealj.ioThreads} system property, default {@code min(4, cores)}.
 */
final class EventLoops {
    private static volatile EventLoopGroup group;
    private static volatile ExecutorService delivery;

    private EventLoops() {
    }

    static EventLoopGroup group() {
        EventLoopGroup g = group;
        if (g == null) {
            synchronized (EventLoops.class) {
                g = group;
                if (g == null) {
                    int threads = Integer.getInteger("surrealj.ioThreads",
                            Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
                    g = new MultiThreadIoEventLoopGroup(threads, new IoThreadFactory(), NioIoHandler.newFactory());
                    group = g;
                }
            }
        }
        return g;
    }

    /** Runs live-query listeners and publisher subscribers: a cached pool of daemon threads. */
    static ExecutorService delivery() {
        ExecutorService d = delivery;
        if (d == null) {
            synchronized (EventLoops.class) {
                d = delivery;
                if (d == null) {
                    AtomicInteger n = new AtomicInteger();
                    d = Executors.newCachedThreadPool(r -> {
                        Thread t = new Thread(r, "surrealj-live-" + n.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
                    delivery = d;
                }
            }
        }
        return d;
    }

    static boolean isIoThread() {
        return Thread.currentThread() instanceof IoThread;
    }

    static void checkNotIoThread() {
        if (isIoThread()) {
            throw new IllegalStateException("blocking on an RPC result from a SurrealJ I/O thread would deadlock;"
                    + " use the asynchronous methods of CompletableFuture in callbacks");
        }
    }

    /** Marker class for our I/O threads. */
    static final class IoThread extends FastThreadLocalThread {
        IoThread(Runnable r, String name) {
            super(r, name);
        }
    }

    private static final class IoThreadFactory implements ThreadFactory {
        private final AtomicInteger n = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new IoThread(r, "surrealj-io-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
