package dev.surrealj.jooq;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.Query;
import org.jooq.ResultQuery;
import org.jooq.Select;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.QOM;

/**
 * Replaces the SQL jOOQ renders with SurrealQL and binds SurrealJ's values:
 * <ol>
 *   <li>{@code renderStart}: reads the server version on first use;</li>
 *   <li>{@code renderEnd}: for a SELECT / INSERT / UPDATE / DELETE, renders the query object model with
 *       {@link SurrealQLRenderer} and sets the SurrealQL as the statement text; for a {@link SurrealQuery}
 *       (executed through {@code resultQuery("{0}", part)}), takes the SurrealQL its rendering produced;</li>
 *   <li>{@code prepareEnd}: wraps the statement ({@link StatementProxy}): jOOQ's own bind calls are ignored and the
 *       renderer's values are bound instead, rows are read by column label in select order, and the rows of DML
 *       with RETURNING are handed to jOOQ as generated keys.</li>
 * </ol>
 * Queries it does not know (plain SQL) run as jOOQ renders them.
 */
final class ExecuteHook implements ExecuteListener {
    private static final long serialVersionUID = 1L;
    private static final String RENDERED = "dev.surrealj.jooq.rendered";
    private static final String RETURNING = "dev.surrealj.jooq.returning";

    private final SurrealConfig config;

    ExecuteHook(SurrealConfig config) {
        this.config = config;
    }

    @Override
    public void renderStart(ExecuteContext ctx) {
        if (config.version() == null) {
            config.resolve(ctx.connection());
        }
        Bridge.LAST.remove();
    }

    @Override
    public void renderEnd(ExecuteContext ctx) {
        Query q = ctx.query();
        Query[] batch = ctx.batchQueries();
        if (q == null && batch != null && batch.length > 0) {
            batch(ctx, batch);
            return;
        }
        SurrealQLRenderer.Rendered r = null;
        if (isRendered(q)) {
            r = SurrealQLRenderer.of(config.resolve(null)).render(q);
            if (q instanceof QOM.InsertReturning<?> || q instanceof QOM.UpdateReturning<?>
                    || q instanceof QOM.DeleteReturning<?> || JooqInternals.returning(q) != null) {
                ctx.data(RETURNING, Boolean.TRUE);
            }
        } else {
            SurrealQLRenderer.Rendered last = Bridge.LAST.get();
            if (last != null && ctx.sql() != null && last.sql().equals(ctx.sql().strip())) {
                r = last;
            }
        }
        Bridge.LAST.remove();
        if (r != null) {
            ctx.sql(r.sql());
            ctx.data(RENDERED, r);
        }
    }

    /** A query whose SQL this hook replaces by the renderer's SurrealQL. */
    private static boolean isRendered(Query q) {
        return q instanceof Select<?> || q instanceof QOM.Insert<?> || q instanceof QOM.InsertReturning<?>
                || q instanceof QOM.Update<?> || q instanceof QOM.UpdateReturning<?>
                || q instanceof QOM.Delete<?> || q instanceof QOM.DeleteReturning<?>;
    }

    /**
     * {@code dsl.batch(q1, q2, …)} runs static statements: each is rendered with its values inlined (as jOOQ itself
     * does for such batches). A batch of one query with several bind value sets cannot be replaced safely.
     */
    private void batch(ExecuteContext ctx, Query[] batch) {
        String[] sql = ctx.batchSQL();
        if (batch.length == 1 || sql == null || sql.length != batch.length) {
            throw new UnsupportedSurrealQLException("A jOOQ batch of one query with several sets of bind values is not "
                    + "supported; insert many rows with one INSERT (insertInto(…).values(…).values(…)), or batch "
                    + "distinct queries with dsl.batch(q1, q2, …)");
        }
        SurrealQLRenderer r = SurrealQLRenderer.of(config.resolve(null));
        for (int i = 0; i < batch.length; i++) {
            // plain SQL (BEGIN TRANSACTION …) and SurrealJ's own statements (already SurrealQL): as jOOQ rendered them
            if (isRendered(batch[i])) {
                sql[i] = r.renderInlined(batch[i]);
            }
        }
    }

    @Override
    public void prepareEnd(ExecuteContext ctx) {
        PreparedStatement ps = ctx.statement();
        if (ps == null) {
            return;
        }
        SurrealQLRenderer.Rendered r = (SurrealQLRenderer.Rendered) ctx.data(RENDERED);
        boolean resultQuery = ctx.query() instanceof ResultQuery<?>;
        boolean returning = ctx.data(RETURNING) != null;
        if (r == null && !resultQuery) {
            return;
        }
        try {
            if (r != null) {
                for (int i = 0, n = r.bindCount(); i < n; i++) {
                    ps.setObject(i + 1, r.bind(i));
                }
            }
        } catch (SQLException e) {
            throw new DataAccessException("Binding SurrealQL parameters failed: " + e.getMessage(), e);
        }
        ctx.statement(StatementProxy.wrap(ps, r != null, r == null ? null : r.columns(), resultQuery && !returning,
                returning));
    }
}
