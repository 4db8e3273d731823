/**
 * SurrealDB schema statements (DEFINE / REMOVE of tables, fields, indexes, analyzers, events, access methods and
 * functions) as jOOQ query parts, rendered in 3.x or 2.x syntax. Start with {@link dev.surrealj.jooq.ddl.SurrealDDL}.
 *
 * <pre>{@code
 * SurrealDDL.defineTable("person").schemafull().execute(dsl);
 * SurrealDDL.defineField("age", "person").type("option<int>").assertThat(SurrealDDL.VALUE.ge(0)).execute(dsl);
 * SurrealDDL.defineIndex("person_bio", "person").fields("bio").fulltext("simple").bm25(1.2, 0.75).highlights()
 *           .execute(dsl);   // FULLTEXT on 3.x, SEARCH on 2.x
 * }</pre>
 */
package dev.surrealj.jooq.ddl;
