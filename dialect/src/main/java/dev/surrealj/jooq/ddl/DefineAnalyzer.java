package dev.surrealj.jooq.ddl;

import dev.surrealj.jooq.SurrealQLWriter;
import java.util.List;

/**
 * {@code DEFINE ANALYZER}: tokenizers and filters for full-text indexes.
 *
 * <pre>{@code
 * SurrealDDL.defineAnalyzer("simple").tokenizers("blank", "class").filters("lowercase", "ascii", "snowball(english)");
 *     // DEFINE ANALYZER simple TOKENIZERS blank, class FILTERS lowercase, ascii, snowball(english)
 * }</pre>
 */
public final class DefineAnalyzer extends DdlStatement<DefineAnalyzer> {
    private static final long serialVersionUID = 1L;

    private final String name;
    private String function;
    private List<String> tokenizers = List.of();
    private List<String> filters = List.of();

    DefineAnalyzer(String name) {
        this.name = name;
    }

    /** {@code FUNCTION fn::name}: a custom function applied before tokenizing. */
    public DefineAnalyzer function(String fn) {
        function = fn;
        return this;
    }

    /** {@code TOKENIZERS blank, camel, class, punct}. */
    public DefineAnalyzer tokenizers(String... names) {
        tokenizers = List.of(names);
        return this;
    }

    /** {@code FILTERS ascii, lowercase, uppercase, edgengram(min,max), ngram(min,max), snowball(lang), mapper('path')}. */
    public DefineAnalyzer filters(String... filters) {
        this.filters = List.of(filters);
        return this;
    }

    @Override
    public void renderSurrealQL(SurrealQLWriter w) {
        head(w, "ANALYZER");
        w.ident(name);
        if (function != null) {
            w.sql(" FUNCTION ").sql(function);
        }
        list(w, " TOKENIZERS ", tokenizers);
        list(w, " FILTERS ", filters);
        tail(w);
    }

    private static void list(SurrealQLWriter w, String keyword, List<String> items) {
        if (!items.isEmpty()) {
            w.sql(keyword);
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    w.sql(", ");
                }
                w.sql(items.get(i));
            }
        }
    }
}
