package dev.surrealj.jooq;

import java.util.List;
import org.jooq.DataType;
import org.jooq.Field;

/** A SurrealQL function call {@code name(args…)}; the name is adapted to the version (2.x / 3.x spellings). */
final class FunctionField<T> extends SurrealField<T> {
    private static final long serialVersionUID = 1L;
    final String function;
    final List<Field<?>> args;
    final boolean aggregate;

    FunctionField(String function, DataType<T> type, List<Field<?>> args, boolean aggregate) {
        super(shortName(function), type);
        if (!Idents.isFunctionName(function)) {
            throw new IllegalArgumentException("not a SurrealQL function name: " + function);
        }
        this.function = function;
        this.args = List.copyOf(args);
        this.aggregate = aggregate;
    }

    private static String shortName(String function) {
        int i = function.lastIndexOf("::");
        return i < 0 ? function : function.substring(i + 2);
    }

    @Override
    public void renderSurrealQL(SurrealQLWriter out) {
        out.function(function).sql('(');
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
                out.sql(", ");
            }
            out.visit(args.get(i));
        }
        out.sql(')');
    }
}
