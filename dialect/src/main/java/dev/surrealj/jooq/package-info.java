/**
 * jOOQ on SurrealDB.
 *
 * <ul>
 *   <li>{@link dev.surrealj.jooq.SurrealDSL}: entry points ({@code SurrealDSL.using(connection)} returns a jOOQ
 *       {@code DSLContext} whose queries run as SurrealQL through the SurrealJ driver) and the SurrealDB extensions
 *       (record ids, graph traversal, KNN, full-text search, CREATE / UPSERT / RELATE, LIVE SELECT).</li>
 *   <li>{@link dev.surrealj.jooq.SurrealQLRenderer}: jOOQ query object model → SurrealQL text plus bind values,
 *       for SurrealDB 2.x or 3.x ({@link dev.surrealj.jooq.SurrealVersion}).</li>
 *   <li>{@link dev.surrealj.jooq.SurrealDataTypes}: jOOQ data types for record ids, datetimes, durations,
 *       geometries, nested objects and arrays.</li>
 *   <li>{@link dev.surrealj.jooq.SurrealField}, {@link dev.surrealj.jooq.SurrealCondition},
 *       {@link dev.surrealj.jooq.SurrealQuery} and {@link dev.surrealj.jooq.SurrealQLWriter}: write your own
 *       SurrealQL parts.</li>
 *   <li>{@link dev.surrealj.jooq.ddl}: DEFINE / REMOVE statements.</li>
 * </ul>
 *
 * <pre>{@code
 * DSLContext dsl = SurrealDSL.using(DriverManager.getConnection("jdbc:surrealdb://localhost:8000/shop/main", props));
 * List<Person> adults = dsl.selectFrom(table(name("person"))).where(field(name("age"), Integer.class).ge(18))
 *                          .orderBy(field(name("name"))).limit(20)
 *                          .fetchInto(Person.class);
 * }</pre>
 *
 * Constructs SurrealQL cannot express (JOIN, UNION, window functions, CTEs) fail with
 * {@link dev.surrealj.jooq.UnsupportedSurrealQLException} when the query is rendered; its message names the
 * Calcite adapter, which runs such SQL itself.
 */
package dev.surrealj.jooq;
