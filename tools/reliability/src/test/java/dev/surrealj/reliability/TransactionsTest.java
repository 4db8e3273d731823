package dev.surrealj.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The contract of {@link Transactions#retrying}, on a scripted connection (no server). */
@Order(1)
@Tag("reliability")
class TransactionsTest {

    /** A connection that records calls; {@code commitFailures} are thrown by the first commits. */
    private static final class Scripted {
        final List<String> calls = new ArrayList<>();
        final List<SQLException> commitFailures = new ArrayList<>();
        boolean autoCommit = true;

        Connection connection() {
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, m, args) -> {
                        switch (m.getName()) {
                            case "getAutoCommit" -> {
                                return autoCommit;
                            }
                            case "setAutoCommit" -> {
                                autoCommit = (Boolean) args[0];
                                calls.add("autoCommit=" + autoCommit);
                                return null;
                            }
                            case "commit" -> {
                                calls.add("commit");
                                if (!commitFailures.isEmpty()) {
                                    throw commitFailures.remove(0);
                                }
                                return null;
                            }
                            case "rollback" -> {
                                calls.add("rollback");
                                return null;
                            }
                            case "isClosed" -> {
                                return false;
                            }
                            default -> throw new UnsupportedOperationException(m.getName());
                        }
                    });
        }
    }

    private static SQLException conflict() {
        return new SQLTransactionRollbackException("Transaction conflict: can be retried", "40001");
    }

    @Test
    void retriesConflictsAndRestoresAutocommit() throws SQLException {
        Scripted s = new Scripted();
        s.commitFailures.add(conflict());
        s.commitFailures.add(conflict());
        AtomicInteger runs = new AtomicInteger();
        assertEquals("done", Transactions.retrying(s.connection(), 5, c -> {
            runs.incrementAndGet();
            return "done";
        }));
        assertEquals(3, runs.get());
        assertEquals(List.of("autoCommit=false", "commit", "rollback", "commit", "rollback", "commit",
                "autoCommit=true"), s.calls);
        assertTrue(s.autoCommit);
    }

    @Test
    void givesUpAfterMaxAttemptsWithTheFirstFailureAttached() {
        Scripted s = new Scripted();
        SQLException first = conflict();
        s.commitFailures.add(first);
        s.commitFailures.add(conflict());
        s.commitFailures.add(conflict());
        AtomicInteger runs = new AtomicInteger();
        SQLException e = assertThrows(SQLException.class, () -> Transactions.retrying(s.connection(), 3, c -> {
            runs.incrementAndGet();
            return null;
        }));
        assertEquals("40001", e.getSQLState());
        assertEquals(3, runs.get());
        assertSame(first, e.getSuppressed()[0]);
        assertTrue(s.autoCommit);
    }

    @Test
    void otherFailuresAreNotRetried() {
        for (SQLException failure : List.of(new SQLException("syntax", "42601"),
                new SQLTransientConnectionException("lost during commit: outcome unknown", "08006"),
                new SQLTransactionRollbackException("not executed: failed transaction", "40000"))) {
            Scripted s = new Scripted();
            s.commitFailures.add(failure);
            AtomicInteger runs = new AtomicInteger();
            SQLException e = assertThrows(SQLException.class, () -> Transactions.retrying(s.connection(), 5, c -> {
                runs.incrementAndGet();
                return null;
            }));
            assertSame(failure, e);
            assertEquals(1, runs.get(), failure.getSQLState() + " was retried");
            assertTrue(s.autoCommit);
        }
    }

    @Test
    void failuresOfTheWorkRollBackAndPropagate() throws SQLException {
        Scripted s = new Scripted();
        IllegalStateException boom = new IllegalStateException("boom");
        assertSame(boom, assertThrows(IllegalStateException.class, () -> Transactions.retrying(s.connection(), 5,
                c -> {
                    throw boom;
                })));
        assertEquals(List.of("autoCommit=false", "rollback", "autoCommit=true"), s.calls);

        Scripted t = new Scripted();
        AtomicInteger runs = new AtomicInteger();
        Integer result = Transactions.retrying(t.connection(), 5, c -> {
            if (runs.incrementAndGet() == 1) {
                throw conflict(); // a conflict raised by a statement, not by commit
            }
            return runs.get();
        });
        assertEquals(2, result);
        assertEquals(List.of("autoCommit=false", "rollback", "commit", "autoCommit=true"), t.calls);
    }

    @Test
    void manualCommitModeIsKeptAndRetryabilityLooksInsideChains() throws SQLException {
        Scripted s = new Scripted();
        s.autoCommit = false;
        Transactions.retrying(s.connection(), 1, c -> null);
        assertFalse(s.autoCommit);
        assertEquals(List.of("autoCommit=false", "commit"), s.calls);

        BatchUpdateException batch = new BatchUpdateException("batch failed", "HY000", 0, new int[0], null);
        batch.setNextException(conflict());
        assertTrue(Transactions.isRetryable(batch));
        assertTrue(Transactions.isRetryable(new SQLException("wrapped", "HY000", conflict())));
        assertFalse(Transactions.isRetryable(new SQLException("no", "40000")));
        assertThrows(IllegalArgumentException.class, () -> Transactions.retrying(s.connection(), 0, c -> null));
    }
}
