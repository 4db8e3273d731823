package dev.surrealj.testing;

import org.opentest4j.TestAbortedException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/** The official SurrealDB image through Testcontainers, for the optional Docker lane. */
final class DockerServer {

    static final String IMAGE = System.getProperty("surrealj.docker.image", "surrealdb/surrealdb:v3.0.2");
    private static final String USER = "root";
    private static final String PASS = "root";

    private DockerServer() {
    }

    static SurrealServer start() {
        if (!dockerAvailable()) {
            throw new TestAbortedException("docker mode: no Docker engine is reachable here;"
                    + " run with -Dsurrealj.test.mode=dev (the default) or on a machine with Docker");
        }
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(IMAGE))
                .withExposedPorts(8000)
                .withCommand("start", "--user", USER, "--pass", PASS, "memory")
                .waitingFor(Wait.forHttp("/health").forStatusCode(200));
        container.start();
        return SurrealServer.ofContainer(container.getHost(), container.getMappedPort(8000), USER, PASS,
                container::stop);
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }
}
