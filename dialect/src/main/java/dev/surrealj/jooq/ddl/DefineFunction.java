package dev.surrealj.jooq.ddl;

import dev.surrealj.jooq.SurrealQLWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code DEFINE FUNCTION fn::name($arg: type, …) -> type { body }}.
 *
 * <pre>{@code
 * SurrealDDL.defineFunction("greet").arg("name", "string").returns("string").body("RETURN 'Hello ' + $name;");
 *     // DEFINE FUNCTION fn::greet($name: string) -> string { RETURN 'Hello ' + $name; }
 * }</pre>
 */
public final class DefineFunction extends DdlStatement<DefineFunction> {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final List<String[]> args = new ArrayList<>();
    private String returns;
    private String body;
    private String permissions;

    DefineFunction(String name) {
        this.name = name.startsWith("fn::") ? name.substring(4) : name;
    }

    /** An argument {@code $name: type}. */
    public DefineFunction arg(String argName, String surqlType) {
        args.add(new String[] {argName, surqlType});
        return this;
    }

    /** {@code -> type}. */
    public DefineFunction returns(String surqlType) {
        returns = surqlType;
        return this;
    }

    /** The body: SurrealQL statements, without the braces. */
    public DefineFunction body(String surql) {
        body = surql;
        return this;
    }

    /** {@code PERMISSIONS …} ({@code "FULL"}, {@code "NONE"}, {@code "WHERE $auth.admin = true"}). */
    public DefineFunction permissions(String surql) {
        permissions = surql;
        return this;
    }

    @Override
    public void renderSurrealQL(SurrealQLWriter w) {
        if (body == null) {
            throw new IllegalStateException("DEFINE FUNCTION needs a body");
        }
        head(w, "FUNCTION");
        w.sql("fn");
        for (String part : name.split("::", -1)) {
            w.sql("::").ident(part);
        }
        w.sql('(');
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
                w.sql(", ");
            }
            w.sql('$').sql(args.get(i)[0]).sql(": ").sql(args.get(i)[1]);
        }
        w.sql(')');
        if (returns != null) {
            w.sql(" -> ").sql(returns);
        }
        w.sql(" { ").sql(body).sql(" }");
        tail(w);
        permissions(w, permissions);
    }
}
