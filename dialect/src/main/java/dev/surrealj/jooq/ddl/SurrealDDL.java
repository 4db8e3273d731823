package dev.surrealj.jooq.ddl;

import dev.surrealj.jooq.SurrealDSL;
import dev.surrealj.jooq.SurrealQuery;
import dev.surrealj.jooq.SurrealQLRenderer;
import dev.surrealj.jooq.SurrealVersion;
import org.jooq.Field;

/**
 * A small builder for SurrealDB schema statements (DEFINE / REMOVE of tables, fields, indexes, analyzers, events,
 * access methods and functions), rendered in 3.x or 2.x syntax. Each statement is a {@link SurrealQuery}: run it
 * with {@code execute(dsl)} on a SurrealJ context (the server's version is used) or render it with
 * {@link #script(SurrealVersion, SurrealQuery...)}.
 *
 * <pre>{@code
 * DSLContext dsl = SurrealDSL.using(connection);
 * SurrealDDL.defineTable("person").schemafull().execute(dsl);
 * SurrealDDL.defineField("name", "person").type("string").assertThat(SurrealDDL.VALUE.ne("")).execute(dsl);
 * SurrealDDL.defineIndex("person_name", "person").fields("name").unique().execute(dsl);
 *
 * String migration = SurrealDDL.script(SurrealVersion.V2,
 *         SurrealDDL.defineAnalyzer("simple").tokenizers("blank").filters("lowercase"),
 *         SurrealDDL.defineIndex("bio", "person").fields("bio").fulltext("simple").bm25(1.2, 0.75).highlights());
 * // DEFINE ANALYZER simple TOKENIZERS blank FILTERS lowercase;
 * // DEFINE INDEX bio ON person FIELDS bio SEARCH ANALYZER simple BM25(1.2, 0.75) HIGHLIGHTS;
 * }</pre>
 */
public final class SurrealDDL {
    private SurrealDDL() {
    }

    /** {@code $value}: the value being written, in ASSERT and VALUE clauses. */
    public static final Field<Object> VALUE = SurrealDSL.variable("value");
    /** {@code $before}: the record before the change, in events. */
    public static final Field<Object> BEFORE = SurrealDSL.variable("before");
    /** {@code $after}: the record after the change, in events. */
    public static final Field<Object> AFTER = SurrealDSL.variable("after");
    /** {@code $event}: {@code "CREATE"}, {@code "UPDATE"} or {@code "DELETE"}, in events. */
    public static final Field<Object> EVENT = SurrealDSL.variable("event");

    /** {@code DEFINE TABLE name}. */
    public static DefineTable defineTable(String name) {
        return new DefineTable(name);
    }

    /** {@code DEFINE FIELD path ON table}. */
    public static DefineField defineField(String path, String table) {
        return new DefineField(path, table);
    }

    /** {@code DEFINE INDEX name ON table}. */
    public static DefineIndex defineIndex(String name, String table) {
        return new DefineIndex(name, table);
    }

    /** {@code DEFINE ANALYZER name}. */
    public static DefineAnalyzer defineAnalyzer(String name) {
        return new DefineAnalyzer(name);
    }

    /** {@code DEFINE EVENT name ON table}. */
    public static DefineEvent defineEvent(String name, String table) {
        return new DefineEvent(name, table);
    }

    /** {@code DEFINE ACCESS name ON DATABASE}. */
    public static DefineAccess defineAccess(String name) {
        return new DefineAccess(name);
    }

    /** {@code DEFINE FUNCTION fn::name}. */
    public static DefineFunction defineFunction(String name) {
        return new DefineFunction(name);
    }

    /** {@code REMOVE TABLE name}. */
    public static Remove removeTable(String name) {
        return new Remove("TABLE", name, null);
    }

    /** {@code REMOVE FIELD path ON table}. */
    public static Remove removeField(String path, String table) {
        return new Remove("FIELD", path, table);
    }

    /** {@code REMOVE INDEX name ON table}. */
    public static Remove removeIndex(String name, String table) {
        return new Remove("INDEX", name, table);
    }

    /** {@code REMOVE ANALYZER name}. */
    public static Remove removeAnalyzer(String name) {
        return new Remove("ANALYZER", name, null);
    }

    /** {@code REMOVE EVENT name ON table}. */
    public static Remove removeEvent(String name, String table) {
        return new Remove("EVENT", name, table);
    }

    /** {@code REMOVE ACCESS name ON DATABASE}. */
    public static Remove removeAccess(String name) {
        return new Remove("ACCESS", name, null);
    }

    /** {@code REMOVE FUNCTION fn::name}. */
    public static Remove removeFunction(String name) {
        return new Remove("FUNCTION", name, null);
    }

    /** The statements as one script for a version, each followed by {@code ;} and a newline. */
    public static String script(SurrealVersion version, SurrealQuery<?>... statements) {
        SurrealQLRenderer r = SurrealQLRenderer.of(version);
        StringBuilder sb = new StringBuilder();
        for (SurrealQuery<?> s : statements) {
            sb.append(r.renderInlined(s)).append(";\n");
        }
        return sb.toString();
    }
}
