package dev.surrealj.jooq.ddl;

import dev.surrealj.jooq.SurrealQLWriter;
import java.time.Duration;
import org.jooq.Select;

/**
 * {@code DEFINE TABLE}.
 *
 * <pre>{@code
 * SurrealDDL.defineTable("person").schemafull().changefeed(Duration.ofHours(1)).comment("people");
 *     // DEFINE TABLE person SCHEMAFULL CHANGEFEED 1h COMMENT 'people'
 * SurrealDDL.defineTable("likes").typeRelation("person", "post").enforced();
 *     // DEFINE TABLE likes TYPE RELATION IN person OUT post ENFORCED
 * SurrealDDL.defineTable("adults").as(select(NAME, AGE).from(PERSON).where(AGE.ge(18)));
 *     // DEFINE TABLE adults AS SELECT name, age FROM person WHERE age >= 18
 * }</pre>
 */
public final class DefineTable extends DdlStatement<DefineTable> {
    private static final long serialVersionUID = 1L;

    private final String name;
    private boolean drop;
    private String schema;
    private String type;
    private String in;
    private String out;
    private boolean enforced;
    private Select<?> view;
    private Duration changefeed;
    private boolean includeOriginal;
    private String permissions;

    DefineTable(String name) {
        this.name = name;
    }

    /** {@code DROP}: writes are accepted and discarded. */
    public DefineTable drop() {
        drop = true;
        return this;
    }

    /** {@code SCHEMAFULL}: only defined fields are stored. */
    public DefineTable schemafull() {
        schema = "SCHEMAFULL";
        return this;
    }

    /** {@code SCHEMALESS}. */
    public DefineTable schemaless() {
        schema = "SCHEMALESS";
        return this;
    }

    /** {@code TYPE ANY}. */
    public DefineTable typeAny() {
        type = "ANY";
        return this;
    }

    /** {@code TYPE NORMAL}: no edges. */
    public DefineTable typeNormal() {
        type = "NORMAL";
        return this;
    }

    /** {@code TYPE RELATION}: an edge table. */
    public DefineTable typeRelation() {
        type = "RELATION";
        return this;
    }

    /** {@code TYPE RELATION IN from OUT to}: an edge table between two tables ({@code a|b} for several). */
    public DefineTable typeRelation(String from, String to) {
        type = "RELATION";
        in = from;
        out = to;
        return this;
    }

    /** {@code ENFORCED}: RELATE fails when the records do not exist. */
    public DefineTable enforced() {
        enforced = true;
        return this;
    }

    /** {@code AS SELECT …}: a table view, kept up to date by the database. */
    public DefineTable as(Select<?> select) {
        view = select;
        return this;
    }

    /** {@code CHANGEFEED d}: keeps changes for {@code d}. */
    public DefineTable changefeed(Duration d) {
        changefeed = d;
        return this;
    }

    /** {@code CHANGEFEED d INCLUDE ORIGINAL}. */
    public DefineTable changefeed(Duration d, boolean includeOriginal) {
        changefeed = d;
        this.includeOriginal = includeOriginal;
        return this;
    }

    /** {@code PERMISSIONS NONE}. */
    public DefineTable permissionsNone() {
        permissions = "NONE";
        return this;
    }

    /** {@code PERMISSIONS FULL}. */
    public DefineTable permissionsFull() {
        permissions = "FULL";
        return this;
    }

    /** {@code PERMISSIONS …} as SurrealQL text ({@code "FOR select WHERE published = true FOR create NONE"}). */
    public DefineTable permissions(String surql) {
        permissions = surql;
        return this;
    }

    @Override
    public void renderSurrealQL(SurrealQLWriter w) {
        head(w, "TABLE");
        w.ident(name);
        if (drop) {
            w.sql(" DROP");
        }
        if (schema != null) {
            w.sql(' ').sql(schema);
        }
        if (type != null) {
            w.sql(" TYPE ").sql(type);
            if (in != null) {
                w.sql(" IN ");
                tables(w, in);
                w.sql(" OUT ");
                tables(w, out);
            }
            if (enforced) {
                w.sql(" ENFORCED");
            }
        }
        if (view != null) {
            w.sql(" AS ");
            w.visitInlined(view);
        }
        if (changefeed != null) {
            w.sql(" CHANGEFEED ").literal(changefeed);
            if (includeOriginal) {
                w.sql(" INCLUDE ORIGINAL");
            }
        }
        permissions(w, permissions);
        tail(w);
    }

    private static void tables(SurrealQLWriter w, String tables) {
        int from = 0;
        for (int i = 0; i <= tables.length(); i++) {
            if (i == tables.length() || tables.charAt(i) == '|') {
                if (from > 0) {
                    w.sql(" | ");
                }
                w.ident(tables.substring(from, i).strip());
                from = i + 1;
            }
        }
    }
}
