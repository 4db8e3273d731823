package dev.surrealj.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class TestModeTest {

    @Test
    void readsTheModeFromTheSystemProperty() {
        String before = System.getProperty("surrealj.test.mode");
        try {
            System.setProperty("surrealj.test.mode", "External");
            assertEquals(TestMode.EXTERNAL, TestMode.current());
            System.setProperty("surrealj.test.mode", "podman");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, TestMode::current);
            assertTrue(e.getMessage().contains("dev, external or docker"), e.getMessage());
        } finally {
            if (before == null) {
                System.clearProperty("surrealj.test.mode");
            } else {
                System.setProperty("surrealj.test.mode", before);
            }
        }
    }

    @Test
    void dockerModeIsSkippedWithAClearMessageWhereThereIsNoDocker() {
        assumeFalse(DockerServer.dockerAvailable(), "a Docker engine is reachable here");
        TestAbortedException e = assertThrows(TestAbortedException.class, DockerServer::start);
        assertTrue(e.getMessage().contains("no Docker engine"), e.getMessage());
    }
}
