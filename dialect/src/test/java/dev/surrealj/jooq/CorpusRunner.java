package dev.surrealj.jooq;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.QueryPart;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.ResultQuery;

/** Runs corpus cases: renders them, executes them through jOOQ, formats the rows. */
final class CorpusRunner {
    private CorpusRunner() {
    }

    /** The rows of a result as {@code v1,v2; v1,v2}. */
    static String format(Result<? extends Record> r) {
        List<String> rows = new ArrayList<>();
        for (Record rec : r) {
            List<String> vals = new ArrayList<>();
            for (int i = 0; i < rec.size(); i++) {
                Object v = rec.get(i);
                vals.add(v instanceof Object[] a ? java.util.Arrays.deepToString(a) : String.valueOf(v));
            }
            rows.add(String.join(",", vals));
        }
        return String.join("; ", rows);
    }

    /** Executes a case's query: fetches rows, or {@code count=n} when the expectation is a count. */
    static String execute(DSLContext dsl, QueryPart q, String expected) {
        if (expected != null && expected.startsWith("count=")) {
            if (q instanceof SurrealQuery<?> sq) {
                return "count=" + sq.execute(dsl);
            }
            return "count=" + ((Query) q).execute();
        }
        if (q instanceof SurrealQuery<?> sq) {
            return format(sq.fetch(dsl));
        }
        if (q instanceof ResultQuery<?> rq) {
            return format(rq.fetch());
        }
        return "count=" + ((Query) q).execute();
    }

    static String describe(List<String> failures) {
        return failures.stream().collect(Collectors.joining("\n"));
    }
}
