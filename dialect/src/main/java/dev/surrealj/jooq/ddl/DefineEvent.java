package dev.surrealj.jooq.ddl;

import dev.surrealj.jooq.SurrealQLWriter;
import dev.surrealj.jooq.UnsupportedSurrealQLException;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.QueryPart;

/**
 * {@code DEFINE EVENT}: statements run when records of a table change. {@code $event}, {@code $before} and
 * {@code $after} are {@link SurrealDDL#EVENT}, {@link SurrealDDL#BEFORE}, {@link SurrealDDL#AFTER}.
 *
 * <pre>{@code
 * SurrealDDL.defineEvent("audit", "person")
 *           .when(SurrealDDL.EVENT.eq("CREATE"))
 *           .then(SurrealDSL.create("log").set(path("msg"), "created"));
 *     // DEFINE EVENT audit ON person WHEN $event = 'CREATE' THEN { CREATE log SET msg = 'created'; }
 * SurrealDDL.defineEvent("mail", "person").async(3).then("http::post('https://…', $after)");
 *     // 3.x only: DEFINE EVENT mail ON person ASYNC RETRY 3 THEN { http::post('https://…', $after); }
 * }</pre>
 */
public final class DefineEvent extends DdlStatement<DefineEvent> {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final String table;
    private Object when;
    private final List<Object> then = new ArrayList<>();
    private int retry = -1;

    DefineEvent(String name, String table) {
        this.name = name;
        this.table = table;
    }

    /** {@code WHEN condition} (a jOOQ condition, values inlined, or SurrealQL text). */
    public DefineEvent when(Object condition) {
        when = condition;
        return this;
    }

    /** {@code THEN { … }}: statements (SurrealQuery / jOOQ queries, values inlined, or SurrealQL text). */
    public DefineEvent then(Object... statements) {
        then.addAll(List.of(statements));
        return this;
    }

    /** {@code ASYNC RETRY n}: runs after the transaction commits (SurrealDB 3.x). */
    public DefineEvent async(int retries) {
        retry = retries;
        return this;
    }

    @Override
    public void renderSurrealQL(SurrealQLWriter w) {
        if (then.isEmpty()) {
            throw new IllegalStateException("DEFINE EVENT needs THEN statements");
        }
        head(w, "EVENT");
        w.ident(name).sql(" ON ").ident(table);
        if (retry >= 0) {
            if (!w.version().isV3()) {
                throw new UnsupportedSurrealQLException("DEFINE EVENT … ASYNC needs SurrealDB 3.x");
            }
            w.sql(" ASYNC RETRY ").sql(Integer.toString(retry));
        }
        if (when != null) {
            w.sql(" WHEN ");
            if (when instanceof Condition c) {
                w.visitInlined(c);
            } else {
                expression(w, when);
            }
        }
        w.sql(" THEN { ");
        for (Object s : then) {
            if (s instanceof QueryPart p) {
                w.visitInlined(p);
            } else {
                w.sql(String.valueOf(s));
            }
            w.sql("; ");
        }
        w.sql('}');
        tail(w);
    }
}
