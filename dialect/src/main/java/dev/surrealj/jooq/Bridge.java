package dev.surrealj.jooq;

import org.jooq.Context;
import org.jooq.DataType;
import org.jooq.QueryPart;
import org.jooq.RenderContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Renders SurrealJ's own query parts inside jOOQ's rendering ({@code accept(Context)}): the SurrealQL text goes to
 * the context, bind values are visited as jOOQ parameters (so jOOQ's bind pass binds them in the same order),
 * inlined when the context inlines.
 */
final class Bridge {
    private Bridge() {
    }

    /** Values handed to the driver as they are. */
    static final DataType<Object> OBJECT = SQLDataType.OTHER.asConvertedDataType(new PassthroughBinding<>(Object.class));

    /** The SurrealQL rendered by the last top-level {@link SurrealQuery} on this thread (for the execute listener). */
    static final ThreadLocal<SurrealQLRenderer.Rendered> LAST = new ThreadLocal<>();

    /** A field, condition, table or other part: rendered as an expression. */
    static void accept(QueryPart part, Context<?> ctx) {
        Renderer r = new Renderer(SurrealConfig.versionOf(ctx.configuration()), Renderer.POSITIONAL);
        r.visit(part);
        emit(r.result(), ctx);
    }

    /** A whole statement: also remembered for the execute listener, which then sends it with its binds. */
    static void acceptQuery(SurrealQuery query, Context<?> ctx) {
        Renderer r = new Renderer(SurrealConfig.versionOf(ctx.configuration()), Renderer.POSITIONAL);
        r.renderTop(query);
        SurrealQLRenderer.Rendered out = r.result();
        if (ctx instanceof RenderContext) {
            LAST.set(out);
        }
        emit(out, ctx);
    }

    static void emit(SurrealQLRenderer.Rendered out, Context<?> ctx) {
        String sql = out.sql();
        int pos = 0;
        for (int i = 0, n = out.bindCount(); i < n; i++) {
            ctx.sql(sql.substring(pos, out.start(i)));
            ctx.visit(DSL.val(out.bind(i), OBJECT));
            pos = out.end(i);
        }
        ctx.sql(sql.substring(pos));
    }
}
