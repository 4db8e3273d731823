/**
 * SurrealDB's RPC protocol on Netty: CBOR over one multiplexed WebSocket ({@code ws}/{@code wss},
 * subprotocol {@code cbor}) or over {@code POST /rpc} (HTTP, stateless), for SurrealDB 2.x and 3.x.
 *
 * <pre>{@code
 * RpcConfig config = RpcConfig.builder()
 *         .uri("ws://127.0.0.1:8000/rpc")
 *         .credentials(Credentials.root("root", "secret"))   // signs in on every (re)connect
 *         .namespace("shop").database("main")
 *         .reconnect(ReconnectPolicy.exponential())
 *         .build();
 * try (SurrealClient client = SurrealClient.connect(config)) {
 *     // typed methods, asynchronous: await() blocks and throws SurrealException
 *     client.create(new RecordId("person", "ada"), Map.of("age", 36)).await();
 *     List<QueryResult> results = client.query("SELECT * FROM person WHERE age > $min", Map.of("min", 18)).await();
 *     Object rows = results.get(0).orThrow();
 *
 *     // live queries: listener, iterator or Flow.Publisher
 *     LiveSubscription sub = client.live("person", false).await();
 *     sub.listen(n -> System.out.println(n.action() + " " + n.recordId()));
 *
 *     // 3.x: interactive transactions and sessions
 *     try (RpcTransaction tx = client.begin().await()) {
 *         tx.query("UPDATE account:a SET balance -= 10").await();
 *         tx.commit().await();
 *     }
 *     try (RpcSession session = client.attach().await()) {
 *         session.signin(Credentials.recordAccess("shop", "main", "user", Map.of("email", e, "pass", p))).await();
 *     }
 *
 *     // any method, as is
 *     Object info = client.call("info").await();
 * } catch (SurrealException e) {
 *     switch (e.category()) { case CONNECTION, TIMEOUT, AUTHENTICATION, TRANSACTION_CONFLICT -> ... }
 * }
 * }</pre>
 *
 * <p>Public types: {@link dev.surrealj.rpc.SurrealClient} (with {@link dev.surrealj.rpc.RpcOperations},
 * {@link dev.surrealj.rpc.RpcSession}, {@link dev.surrealj.rpc.RpcTransaction}), its
 * {@link dev.surrealj.rpc.RpcConfig} ({@link dev.surrealj.rpc.TlsOptions},
 * {@link dev.surrealj.rpc.ReconnectPolicy}, {@link dev.surrealj.rpc.Credentials}), results
 * ({@link dev.surrealj.rpc.RpcFuture}, {@link dev.surrealj.rpc.QueryResult}, {@link dev.surrealj.rpc.Tokens}),
 * live queries ({@link dev.surrealj.rpc.LiveSubscription}, {@link dev.surrealj.rpc.LiveNotification}) and the
 * one exception, {@link dev.surrealj.rpc.SurrealException}. Everything else is package-private.
 *
 * <p>Threads: one process-wide Netty NIO event loop group of daemon threads ({@code surrealj-io-N},
 * {@code min(4, cores)}, system property {@code surrealj.ioThreads}), created on first use; futures
 * complete on those threads, so callbacks must not block. Live-query listeners run on separate
 * daemon threads ({@code surrealj-live-N}). Logging goes to {@link java.lang.System.Logger} {@code dev.surrealj.rpc};
 * parameters, passwords and tokens are never logged.
 */
package dev.surrealj.rpc;
