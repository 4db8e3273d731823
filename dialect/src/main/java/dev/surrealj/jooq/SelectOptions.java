package dev.surrealj.jooq;

import java.time.Duration;
import java.util.List;
import org.jooq.Field;

/** The SurrealQL-only clauses of a SELECT ({@link SurrealSelect}); package-private, immutable. */
record SelectOptions(
        List<Field<?>> split,
        List<Field<?>> fetch,
        List<String> withIndex,
        boolean noIndex,
        Duration timeout,
        boolean parallel,
        int explain,
        boolean only,
        boolean value) {

    static final SelectOptions NONE = new SelectOptions(List.of(), List.of(), List.of(), false, null, false, 0, false, false);

    static final int EXPLAIN = 1;
    static final int EXPLAIN_FULL = 2;
}
