package dev.surrealj.jooq.ddl;

import dev.surrealj.jooq.SurrealQLWriter;

/**
 * {@code DEFINE FIELD}. Expressions are jOOQ fields / conditions (values inlined; {@link SurrealDDL#VALUE} is
 * {@code $value}) or SurrealQL text.
 *
 * <pre>{@code
 * SurrealDDL.defineField("email", "person").type("string").value(lower(SurrealDDL.VALUE.cast(String.class)))
 *           .assertThat("string::is::email($value)");
 *     // DEFINE FIELD email ON person TYPE string VALUE … ASSERT string::is_email($value)   (3.x spelling)
 * SurrealDDL.defineField("age", "person").type("option<int>").defaultValue(0).assertThat(SurrealDDL.VALUE.ge(0));
 *     // DEFINE FIELD age ON person TYPE option<int> DEFAULT 0 ASSERT $value >= 0
 * SurrealDDL.defineField("upper_name", "person").computed("string::uppercase(name)");
 *     // 3.x: DEFINE FIELD upper_name ON person COMPUTED string::uppercase(name)
 *     // 2.x: DEFINE FIELD upper_name ON person VALUE <future> { string::uppercase(name) }
 * }</pre>
 */
public final class DefineField extends DdlStatement<DefineField> {
    private static final long serialVersionUID = 1L;

    private final String path;
    private final String table;
    private String type;
    private boolean flexible;
    private Object defaultValue;
    private boolean defaultExpression;
    private boolean defaultAlways;
    private boolean readonly;
    private Object value;
    private Object computed;
    private Object assertion;
    private String permissions;

    DefineField(String path, String table) {
        this.path = path;
        this.table = table;
    }

    /** {@code TYPE t}: a SurrealQL type ({@code string}, {@code option<int>}, {@code record<person>}, {@code array<float, 3>}). */
    public DefineField type(String surqlType) {
        type = surqlType;
        return this;
    }

    /** {@code TYPE t FLEXIBLE}: an object type that accepts undeclared nested fields in a SCHEMAFULL table. */
    public DefineField flexible() {
        flexible = true;
        return this;
    }

    /** {@code DEFAULT value}: a literal (or a jOOQ field, inlined). */
    public DefineField defaultValue(Object v) {
        defaultValue = v;
        defaultExpression = false;
        return this;
    }

    /** {@code DEFAULT expression} as SurrealQL text ({@code "time::now()"}). */
    public DefineField defaultExpression(String surql) {
        defaultValue = surql;
        defaultExpression = true;
        return this;
    }

    /** {@code DEFAULT ALWAYS …}: also when the field is set to NONE. */
    public DefineField defaultAlways() {
        defaultAlways = true;
        return this;
    }

    /** {@code READONLY}. */
    public DefineField readonly() {
        readonly = true;
        return this;
    }

    /** {@code VALUE expression}: computed on every write (a jOOQ field or SurrealQL text). */
    public DefineField value(Object expression) {
        value = expression;
        return this;
    }

    /**
     * A field computed when read: {@code COMPUTED e} (3.x), {@code VALUE <future> { e }} (2.x).
     */
    public DefineField computed(Object expression) {
        computed = expression;
        return this;
    }

    /** {@code ASSERT condition} (a jOOQ condition over {@link SurrealDDL#VALUE}, or SurrealQL text). */
    public DefineField assertThat(Object condition) {
        assertion = condition;
        return this;
    }

    /** {@code PERMISSIONS …} as SurrealQL text ({@code "FULL"}, {@code "FOR update NONE"}). */
    public DefineField permissions(String surql) {
        permissions = surql;
        return this;
    }

    @Override
    public void renderSurrealQL(SurrealQLWriter w) {
        head(w, "FIELD");
        int from = 0;
        for (int i = 0; i <= path.length(); i++) {
            if (i == path.length() || path.charAt(i) == '.') {
                if (from > 0) {
                    w.sql('.');
                }
                String part = path.substring(from, i);
                if (part.equals("*") || part.equals("[*]")) {
                    w.sql(part);
                } else {
                    w.ident(part);
                }
                from = i + 1;
            }
        }
        w.sql(" ON ").ident(table);
        if (type != null) {
            w.sql(" TYPE ").sql(type);
            if (flexible) {
                w.sql(" FLEXIBLE");
            }
        }
        if (defaultValue != null) {
            w.sql(defaultAlways ? " DEFAULT ALWAYS " : " DEFAULT ");
            if (defaultExpression) {
                w.sql((String) defaultValue);
            } else {
                value(w, defaultValue);
            }
        }
        if (readonly) {
            w.sql(" READONLY");
        }
        if (value != null) {
            w.sql(" VALUE ");
            expression(w, value);
        }
        if (computed != null) {
            if (w.version().isV3()) {
                w.sql(" COMPUTED ");
                expression(w, computed);
            } else {
                w.sql(" VALUE <future> { ");
                expression(w, computed);
                w.sql(" }");
            }
        }
        if (assertion != null) {
            w.sql(" ASSERT ");
            expression(w, assertion);
        }
        permissions(w, permissions);
        tail(w);
    }
}
