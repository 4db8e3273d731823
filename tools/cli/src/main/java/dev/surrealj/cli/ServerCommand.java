package dev.surrealj.cli;

import dev.surrealj.testing.SurrealServer;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code surrealj server}: runs the local SurrealDB engine (tools/dev-server) until interrupted. */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Run SurrealDB's official engine locally (tools/dev-server) until Ctrl-C.")
final class ServerCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8000", description = "TCP port (0 = any free port); default ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--storage", defaultValue = "mem://",
            description = "mem://, surrealkv://PATH or rocksdb://PATH; default ${DEFAULT-VALUE}")
    String storage;

    @Option(names = "--engine", defaultValue = "3", description = "SurrealDB major version: 3 or 2; default ${DEFAULT-VALUE}")
    int engine;

    @Option(names = "--user", description = "define this root user and require authentication")
    String user;

    @Option(names = "--pass", description = "the root user's password", interactive = true, arity = "0..1")
    String pass;

    @Override
    public Integer call() throws InterruptedException {
        SurrealServer.Builder builder = SurrealServer.builder().port(port).storage(storage).engine(engine);
        if (user != null) {
            builder.user(user, pass);
        }
        SurrealServer server = builder.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        System.out.println("SurrealDB engine " + engine + " ready: " + server.wsUrl() + " and " + server.httpUrl());
        System.out.println("JDBC URL: jdbc:surrealdb://" + server.host() + ":" + server.port() + "/<namespace>/<database>");
        stopped.await();
        return 0;
    }
}
