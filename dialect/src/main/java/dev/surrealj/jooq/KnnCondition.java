package dev.surrealj.jooq;

import org.jooq.Field;

/** {@code field <|k|> $v}, {@code field <|k,ef|> $v} (HNSW index) or {@code field <|k,COSINE|> $v} (brute force). */
final class KnnCondition extends SurrealCondition {
    private static final long serialVersionUID = 1L;
    final Field<?> field;
    final int k;
    final String second;
    final Field<?> vector;

    KnnCondition(Field<?> field, int k, String second, Field<?> vector) {
        if (k <= 0) {
            throw new IllegalArgumentException("k must be positive: " + k);
        }
        this.field = field;
        this.k = k;
        this.second = second;
        this.vector = vector;
    }

    @Override
    public void renderSurrealQL(SurrealQLWriter out) {
        if (second == null && out.version().isV3()) {
            throw new UnsupportedSurrealQLException("knn(field, k, vector) is the M-tree form <|k|>, which SurrealDB 3.x"
                    + " no longer has: give ef (knn(field, k, ef, vector), an HNSW index) or a distance"
                    + " (knn(field, k, Distance, vector), brute force)");
        }
        out.visit(field).sql(" <|").sql(Integer.toString(k));
        if (second != null) {
            out.sql(',').sql(second);
        }
        out.sql("|> ").visit(vector);
    }
}
