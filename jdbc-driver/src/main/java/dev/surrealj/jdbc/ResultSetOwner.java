package dev.surrealj.jdbc;

/**
 * A statement that wants to know when one of its result sets closes (for
 * {@link java.sql.Statement#closeOnCompletion()}). {@link SurrealResultSet#close()} calls
 * {@link #resultSetClosed} once, after the result set is closed, when its owning statement implements
 * this interface.
 */
interface ResultSetOwner {
    /**
     * Called once when {@code rs} closes (from the thread that closed it).
     *
     * @param rs the result set, already closed
     */
    void resultSetClosed(SurrealResultSet rs);
}
