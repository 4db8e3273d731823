package dev.surrealj.rpc;

import java.net.URI;
import java.util.Map;

/** One transport-level connection (a WebSocket, or the HTTP connection pool). */
interface Connection {

    /** Sends {@code request}; {@code answer} completes with the result or a {@link SurrealException}. Never throws. */
    void send(RpcRequest request, RpcFuture<Object> answer);

    /**
     * Sends {@code request} and fails {@code answer} with a timeout error when no answer came within
     * {@code timeout}. Transports may arm the timer where it is cheapest (the WebSocket arms it on
     * its own event loop, in the same task as the write).
     */
    default void send(RpcRequest request, RpcFuture<Object> answer, java.time.Duration timeout) {
        ClientCore.armTimeout(answer, timeout, request.method());
        send(request, answer);
    }

    boolean isOpen();

    /** Closes; pending requests fail with a connection error. Idempotent. */
    void close();

    URI uri();

    /** What a connection tells its owner. Called on an I/O thread: must not block. */
    interface Listener {
        /** A live-query notification: the {@code result} object of a message without id. */
        void onNotification(Map<?, ?> notification);

        /** The connection is gone (not called when it never opened). */
        void onClosed(Connection connection, Throwable cause);
    }
}
