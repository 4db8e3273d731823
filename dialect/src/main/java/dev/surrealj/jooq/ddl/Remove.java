package dev.surrealj.jooq.ddl;

import dev.surrealj.jooq.SurrealQLWriter;

/**
 * {@code REMOVE TABLE | FIELD | INDEX | ANALYZER | EVENT | ACCESS | FUNCTION [IF EXISTS] name [ON …]}.
 *
 * <pre>{@code
 * SurrealDDL.removeIndex("person_age", "person").ifExists();   // REMOVE INDEX IF EXISTS person_age ON person
 * }</pre>
 */
public final class Remove extends DdlStatement<Remove> {
    private static final long serialVersionUID = 1L;

    private final String kind;
    private final String name;
    private final String on;
    private boolean ifExists;

    Remove(String kind, String name, String on) {
        this.kind = kind;
        this.name = name;
        this.on = on;
    }

    /** {@code IF EXISTS}: no error when it does not exist. */
    public Remove ifExists() {
        ifExists = true;
        return this;
    }

    @Override
    public void renderSurrealQL(SurrealQLWriter w) {
        w.sql("REMOVE ").sql(kind).sql(' ');
        if (ifExists) {
            w.sql("IF EXISTS ");
        }
        if (kind.equals("FUNCTION")) {
            String n = name.startsWith("fn::") ? name.substring(4) : name;
            w.sql("fn");
            for (String part : n.split("::", -1)) {
                w.sql("::").ident(part);
            }
        } else {
            w.ident(name);
        }
        if (kind.equals("ACCESS")) {
            w.sql(" ON DATABASE");
        } else if (on != null) {
            w.sql(" ON ").ident(on);
        }
    }
}
