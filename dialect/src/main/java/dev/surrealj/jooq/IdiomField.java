package dev.surrealj.jooq;

import org.jooq.DataType;

/** SurrealQL text used as a field as it is: an idiom ({@code address.city}, {@code tags[0]}), {@code $auth.id} … */
final class IdiomField<T> extends SurrealField<T> {
    private static final long serialVersionUID = 1L;
    final String text;

    IdiomField(String text, String name, DataType<T> type) {
        super(name, type);
        this.text = text;
    }

    @Override
    public void renderSurrealQL(SurrealQLWriter out) {
        out.sql(text);
    }
}
