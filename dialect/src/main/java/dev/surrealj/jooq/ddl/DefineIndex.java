package dev.surrealj.jooq.ddl;

import dev.surrealj.jooq.SurrealDSL.Distance;
import dev.surrealj.jooq.SurrealQLWriter;
import dev.surrealj.jooq.UnsupportedSurrealQLException;
import java.util.List;
import java.util.Locale;

/**
 * {@code DEFINE INDEX}: plain, UNIQUE, COUNT, full-text and HNSW vector indexes.
 *
 * <pre>{@code
 * SurrealDDL.defineIndex("person_email", "person").fields("email").unique();
 *     // DEFINE INDEX person_email ON person FIELDS email UNIQUE
 * SurrealDDL.defineIndex("person_bio", "person").fields("bio").fulltext("simple").bm25(1.2, 0.75).highlights();
 *     // 3.x: … FIELDS bio FULLTEXT ANALYZER simple BM25(1.2, 0.75) HIGHLIGHTS   (2.x: SEARCH ANALYZER …)
 * SurrealDDL.defineIndex("person_emb", "person").fields("embedding").hnsw(3).dist(Distance.COSINE).efc(150).m(12);
 *     // … FIELDS embedding HNSW DIMENSION 3 DIST COSINE EFC 150 M 12
 * SurrealDDL.defineIndex("person_count", "person").count();
 *     // DEFINE INDEX person_count ON person COUNT
 * }</pre>
 */
public final class DefineIndex extends DdlStatement<DefineIndex> {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final String table;
    private List<String> fields = List.of();
    private String kind;
    private String analyzer;
    private double[] bm25;
    private boolean highlights;
    private int dimension;
    private String vectorType;
    private Distance dist;
    private int efc;
    private int m;
    private boolean concurrently;
    private boolean defer;

    DefineIndex(String name, String table) {
        this.name = name;
        this.table = table;
    }

    /** {@code FIELDS a, b} (field paths). */
    public DefineIndex fields(String... paths) {
        fields = List.of(paths);
        return this;
    }

    /** {@code UNIQUE}. */
    public DefineIndex unique() {
        kind = "UNIQUE";
        return this;
    }

    /** {@code COUNT}: maintains the table's record count. */
    public DefineIndex count() {
        kind = "COUNT";
        return this;
    }

    /** A full-text index with an analyzer: {@code FULLTEXT ANALYZER a} (3.x), {@code SEARCH ANALYZER a} (2.x). */
    public DefineIndex fulltext(String analyzerName) {
        kind = "FULLTEXT";
        analyzer = analyzerName;
        return this;
    }

    /** {@code BM25(k1, b)} ranking parameters of a full-text index. */
    public DefineIndex bm25(double k1, double b) {
        bm25 = new double[] {k1, b};
        return this;
    }

    /** {@code HIGHLIGHTS}: keeps offsets for {@code search::highlight}. */
    public DefineIndex highlights() {
        highlights = true;
        return this;
    }

    /** {@code HNSW DIMENSION d}: a vector index. */
    public DefineIndex hnsw(int dimension) {
        kind = "HNSW";
        this.dimension = dimension;
        return this;
    }

    /** {@code DIST metric} of an HNSW index. */
    public DefineIndex dist(Distance metric) {
        dist = metric;
        return this;
    }

    /** {@code TYPE F32|F64|I16|I32|I64} of an HNSW index's vectors. */
    public DefineIndex vectorType(String type) {
        vectorType = type.toUpperCase(Locale.ROOT);
        return this;
    }

    /** {@code EFC n}: HNSW construction candidate list size. */
    public DefineIndex efc(int n) {
        efc = n;
        return this;
    }

    /** {@code M n}: HNSW maximum connections per node. */
    public DefineIndex m(int n) {
        m = n;
        return this;
    }

    /** {@code CONCURRENTLY}: the statement returns at once; the index is built in the background. */
    public DefineIndex concurrently() {
        concurrently = true;
        return this;
    }

    /**
     * {@code DEFER}: index entries are written after the transaction (high-volume ingestion). SurrealDB 2.x only: the
     * 3.0 engine has no DEFER, so rendering it for 3.x fails.
     */
    public DefineIndex defer() {
        defer = true;
        return this;
    }

    @Override
    public void renderSurrealQL(SurrealQLWriter w) {
        if (defer && w.version().isV3()) {
            throw new UnsupportedSurrealQLException("DEFINE INDEX … DEFER needs SurrealDB 2.x (3.0 has no DEFER)");
        }
        head(w, "INDEX");
        w.ident(name).sql(" ON ").ident(table);
        if (!fields.isEmpty()) {
            w.sql(" FIELDS ");
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    w.sql(", ");
                }
                path(w, fields.get(i));
            }
        }
        if ("FULLTEXT".equals(kind)) {
            w.sql(w.version().isV3() ? " FULLTEXT ANALYZER " : " SEARCH ANALYZER ").ident(analyzer);
            if (bm25 != null) {
                w.sql(" BM25(").sql(num(bm25[0])).sql(", ").sql(num(bm25[1])).sql(")");
            } else {
                w.sql(" BM25");
            }
            if (highlights) {
                w.sql(" HIGHLIGHTS");
            }
        } else if ("HNSW".equals(kind)) {
            w.sql(" HNSW DIMENSION ").sql(Integer.toString(dimension));
            if (vectorType != null) {
                w.sql(" TYPE ").sql(vectorType);
            }
            if (dist != null) {
                w.sql(" DIST ").sql(dist.name());
            }
            if (efc > 0) {
                w.sql(" EFC ").sql(Integer.toString(efc));
            }
            if (m > 0) {
                w.sql(" M ").sql(Integer.toString(m));
            }
        } else if (kind != null) {
            w.sql(' ').sql(kind);
        }
        if (defer) {
            w.sql(" DEFER");
        }
        tail(w);
        if (concurrently) {
            w.sql(" CONCURRENTLY");
        }
    }

    private static String num(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) + ".0" : Double.toString(d);
    }

    static void path(SurrealQLWriter w, String path) {
        int from = 0;
        for (int i = 0; i <= path.length(); i++) {
            if (i == path.length() || path.charAt(i) == '.') {
                if (from > 0) {
                    w.sql('.');
                }
                String part = path.substring(from, i);
                if (part.equals("*")) {
                    w.sql(part);
                } else {
                    w.ident(part);
                }
                from = i + 1;
            }
        }
    }
}
