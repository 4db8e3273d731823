package dev.surrealj.jooq;

import static dev.surrealj.jooq.Fixture.ADDRESS_CITY;
import static dev.surrealj.jooq.Fixture.AGE;
import static dev.surrealj.jooq.Fixture.BODY;
import static dev.surrealj.jooq.Fixture.BORN;
import static dev.surrealj.jooq.Fixture.CITY;
import static dev.surrealj.jooq.Fixture.DOC;
import static dev.surrealj.jooq.Fixture.EMB;
import static dev.surrealj.jooq.Fixture.ID;
import static dev.surrealj.jooq.Fixture.NAME;
import static dev.surrealj.jooq.Fixture.PERSON;
import static dev.surrealj.jooq.Fixture.POST;
import static dev.surrealj.jooq.Fixture.SCORE;
import static dev.surrealj.jooq.Fixture.TAGS;
import static dev.surrealj.jooq.Fixture.TITLE;
import static org.jooq.impl.DSL.abs;
import static org.jooq.impl.DSL.asterisk;
import static org.jooq.impl.DSL.avg;
import static org.jooq.impl.DSL.case_;
import static org.jooq.impl.DSL.cast;
import static org.jooq.impl.DSL.ceil;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.concat;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.currentTimestamp;
import static org.jooq.impl.DSL.day;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.extract;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.floor;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.hour;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.length;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.month;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.not;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.nullif;
import static org.jooq.impl.DSL.power;
import static org.jooq.impl.DSL.replace;
import static org.jooq.impl.DSL.round;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.sqrt;
import static org.jooq.impl.DSL.substring;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.table;
import static org.jooq.impl.DSL.trim;
import static org.jooq.impl.DSL.upper;
import static org.jooq.impl.DSL.val;
import static org.jooq.impl.DSL.year;

import dev.surrealj.jooq.SurrealDSL.Distance;
import dev.surrealj.jooq.ddl.SurrealDDL;
import dev.surrealj.value.RecordId;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.DatePart;
import org.jooq.Field;
import org.jooq.QueryPart;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/**
 * The corpus: jOOQ queries, the SurrealQL they render (3.x, and 2.x where it differs) and the rows SurrealDB
 * returns for them on the {@link Fixture} data. Rows are written {@code v1,v2; v1,v2}; {@code count=n} is the
 * result of {@code execute()}; null rows are not compared (the query only has to run).
 */
final class Corpus {
    private Corpus() {
    }

    /** The 2.x rendering equals the 3.x one. */
    static final String SAME = "=";
    /** Not run on 2.x. */
    static final String NOT_ON_2 = "-";

    /**
     * A case.
     *
     * @param v2    the 2.x rendering, {@link #SAME} or {@link #NOT_ON_2}
     * @param rows2 the rows on 2.x when they differ (null: the same)
     */
    record Case(String name, Function<DSLContext, QueryPart> query, String v3, String v2, String rows, String rows2) {
        @Override
        public String toString() {
            return name;
        }

        /** The same case with other rows on 2.x. */
        Case on2(String rows) {
            return new Case(name, query, v3, v2, this.rows, rows);
        }
    }

    private static Case c(String name, Function<DSLContext, QueryPart> q, String v3, String rows) {
        return new Case(name, q, v3, SAME, rows, null);
    }

    private static Case c(String name, Function<DSLContext, QueryPart> q, String v3, String v2, String rows) {
        return new Case(name, q, v3, v2, rows, null);
    }

    static final Table<Record> T_INS = table(name("t_ins"));
    static final Table<Record> T_UPD = table(name("t_upd"));
    static final Table<Record> T_DEL = table(name("t_del"));
    static final Field<Integer> N = field(name("n"), Integer.class);
    static final Field<String> S = field(name("s"), String.class);

    /** Read-only cases (any order). */
    static final List<Case> SELECTS = List.of(
        // ------------------------------------------------------------------ fields, aliases, where, order, limit
        c("fields and where", d -> d.select(NAME, AGE).from(PERSON).where(AGE.gt(30)).orderBy(NAME),
            "SELECT name, age FROM person WHERE age > ? ORDER BY name",
            "Ann,31; Cid,40"),
        c("aliases", d -> d.select(NAME.as("who"), AGE.plus(1).as("next")).from(PERSON).where(CITY.eq("Oslo")).orderBy(NAME),
            "SELECT name AS who, (age + ?) AS next FROM person WHERE city = ? ORDER BY who",
            "Ann,32; Cid,41"),
        c("multi-column order by, desc", d -> d.select(CITY, NAME).from(PERSON).where(NAME.isNotNull())
                .orderBy(CITY.desc(), NAME.asc()),
            "SELECT city, name FROM person WHERE name IS NOT NONE AND name IS NOT NULL ORDER BY city DESC, name ASC",
            "Tromso,dee; Oslo,Ann; Oslo,Cid; Bergen,Bob"),
        c("order by a field not selected", d -> d.select(NAME).from(PERSON).where(AGE.isNotNull()).orderBy(AGE.desc()),
            "SELECT name, age FROM person WHERE age IS NOT NONE AND age IS NOT NULL ORDER BY age DESC",
            "Cid; Ann; Bob; null"),
        c("order by an expression", d -> d.select(NAME).from(PERSON).where(AGE.isNotNull()).orderBy(AGE.mod(10)),
            "SELECT name, (age % ?) AS _o2 FROM person WHERE age IS NOT NONE AND age IS NOT NULL ORDER BY _o2",
            "Cid; Ann; Bob; null"),
        c("limit offset", d -> d.select(NAME).from(PERSON).orderBy(ID).limit(2).offset(1),
            "SELECT name, id FROM person ORDER BY id LIMIT ? START ?",
            "Bob; Cid"),
        c("selectFrom *", d -> d.selectFrom(PERSON).where(ID.eq(new RecordId("person", "bob"))),
            "SELECT * FROM person WHERE id = ?",
            null),
        c("nested field path", d -> d.select(NAME, ADDRESS_CITY).from(PERSON).where(ADDRESS_CITY.eq("Oslo")),
            "SELECT name, address.city AS city FROM person WHERE address.city = ?",
            "Ann,Oslo"),
        c("select without from", d -> d.select(val(1).as("one"), inline("x").as("x")),
            "SELECT ? AS one, 'x' AS x FROM [{}]",
            "1,x"),
        // ------------------------------------------------------------------ NULL semantics
        c("is null matches NONE and NULL", d -> d.select(ID).from(PERSON).where(NAME.isNull().or(AGE.isNull())).orderBy(ID),
            "SELECT id FROM person WHERE name IS NONE OR name IS NULL OR age IS NONE OR age IS NULL ORDER BY id",
            "person:dee; person:eve"),
        c("is not null", d -> d.select(ID).from(PERSON).where(AGE.isNotNull().and(NAME.isNotNull())).orderBy(ID),
            "SELECT id FROM person WHERE age IS NOT NONE AND age IS NOT NULL AND name IS NOT NONE AND name IS NOT NULL ORDER BY id",
            "person:ann; person:bob; person:cid"),
        c("is null inside and", d -> d.select(ID).from(PERSON).where(CITY.eq("Bergen").and(NAME.isNull())),
            "SELECT id FROM person WHERE city = ? AND (name IS NONE OR name IS NULL)",
            "person:eve"),
        c("coalesce", d -> d.select(ID, coalesce(NAME, val("?")).as("n")).from(PERSON).where(CITY.eq("Bergen")).orderBy(ID),
            "SELECT id, ((name) ?? (?)) AS n FROM person WHERE city = ? ORDER BY id",
            "person:bob,Bob; person:eve,?"),
        // ------------------------------------------------------------------ comparison predicates
        c("in list", d -> d.select(NAME).from(PERSON).where(CITY.in("Bergen", "Tromso")).orderBy(NAME),
            "SELECT name FROM person WHERE city IN [?, ?] ORDER BY name",
            "null; Bob; dee"),
        c("not in list", d -> d.select(NAME).from(PERSON).where(CITY.notIn("Bergen", "Tromso")).orderBy(NAME),
            "SELECT name FROM person WHERE city NOT IN [?, ?] AND city IS NOT NONE AND city IS NOT NULL ORDER BY name",
            "Ann; Cid"),
        c("between", d -> d.select(NAME).from(PERSON).where(AGE.between(20, 35)).orderBy(NAME),
            "SELECT name FROM person WHERE age >= ? AND age <= ? ORDER BY name",
            "Ann; Bob"),
        c("not between", d -> d.select(NAME).from(PERSON).where(AGE.notBetween(20, 35)).orderBy(NAME),
            "SELECT name FROM person WHERE (age < ? OR age > ?) AND age IS NOT NONE AND age IS NOT NULL ORDER BY name",
            "null; Cid"),
        c("not and or", d -> d.select(NAME).from(PERSON).where(not(CITY.eq("Oslo")).and(AGE.lt(30).or(SCORE.gt(7.0))))
                .orderBy(NAME),
            "SELECT name FROM person WHERE city != ? AND city IS NOT NONE AND city IS NOT NULL AND ((age < ? AND age IS NOT NONE AND age IS NOT NULL) OR score > ?) ORDER BY name",
            "null; Bob"),
        c("ne", d -> d.select(NAME).from(PERSON).where(CITY.ne("Oslo").and(NAME.isNotNull())).orderBy(NAME),
            "SELECT name FROM person WHERE city != ? AND city IS NOT NONE AND city IS NOT NULL AND name IS NOT NONE AND name IS NOT NULL ORDER BY name",
            "Bob; dee"),
        // ------------------------------------------------------------------ LIKE
        c("like prefix", d -> d.select(NAME).from(PERSON).where(NAME.like("A%")),
            "SELECT name FROM person WHERE (type::is_string(name) AND string::starts_with(name, ?))",
            "SELECT name FROM person WHERE (type::is::string(name) AND string::starts_with(name, ?))",
            "Ann"),
        c("like suffix", d -> d.select(NAME).from(PERSON).where(NAME.like("%b")),
            "SELECT name FROM person WHERE (type::is_string(name) AND string::ends_with(name, ?))",
            "SELECT name FROM person WHERE (type::is::string(name) AND string::ends_with(name, ?))",
            "Bob"),
        c("like infix", d -> d.select(NAME).from(PERSON).where(NAME.like("%i%")),
            "SELECT name FROM person WHERE (type::is_string(name) AND string::contains(name, ?))",
            "SELECT name FROM person WHERE (type::is::string(name) AND string::contains(name, ?))",
            "Cid"),
        c("like regex", d -> d.select(NAME).from(PERSON).where(NAME.like("_o%")),
            "SELECT name FROM person WHERE (type::is_string(name) AND string::matches(name, ?))",
            "SELECT name FROM person WHERE (type::is::string(name) AND string::matches(name, ?))",
            "Bob"),
        c("ilike", d -> d.select(NAME).from(PERSON).where(NAME.likeIgnoreCase("D%")),
            "SELECT name FROM person WHERE (type::is_string(name) AND string::starts_with(string::lowercase(name), ?))",
            "SELECT name FROM person WHERE (type::is::string(name) AND string::starts_with(string::lowercase(name), ?))",
            "dee"),
        c("not like", d -> d.select(NAME).from(PERSON).where(NAME.notLike("%e%")).orderBy(NAME),
            "SELECT name FROM person WHERE (type::is_string(name) AND !string::contains(name, ?)) ORDER BY name",
            "SELECT name FROM person WHERE (type::is::string(name) AND !string::contains(name, ?)) ORDER BY name",
            "Ann; Bob; Cid"),
        c("like with escape", d -> d.select(NAME).from(PERSON).where(NAME.like("A!%%", '!')),
            "SELECT name FROM person WHERE (type::is_string(name) AND string::starts_with(name, ?))",
            "SELECT name FROM person WHERE (type::is::string(name) AND string::starts_with(name, ?))",
            ""),
        c("startsWith / contains", d -> d.select(NAME).from(PERSON).where(NAME.startsWith("C").or(NAME.containsIgnoreCase("EE"))).orderBy(NAME),
            "SELECT name FROM person WHERE (type::is_string(name) AND string::starts_with(name, ?)) OR (type::is_string(name) AND string::contains(string::lowercase(name), ?)) ORDER BY name",
            "SELECT name FROM person WHERE (type::is::string(name) AND string::starts_with(name, ?)) OR (type::is::string(name) AND string::contains(string::lowercase(name), ?)) ORDER BY name",
            "Cid; dee"),
        // ------------------------------------------------------------------ subqueries
        c("in subquery", d -> d.select(NAME).from(PERSON)
                .where(CITY.in(d.select(CITY).from(PERSON).where(AGE.gt(35)))).orderBy(NAME),
            "SELECT name FROM person WHERE city IN (SELECT VALUE city FROM person WHERE age > ?) ORDER BY name",
            "Ann; Cid"),
        c("not in subquery", d -> d.select(NAME).from(PERSON)
                .where(CITY.notIn(d.select(CITY).from(PERSON).where(AGE.gt(35))).and(NAME.isNotNull())).orderBy(NAME),
            "SELECT name FROM person WHERE city NOT IN (SELECT VALUE city FROM person WHERE age > ?) AND city IS NOT NONE AND city IS NOT NULL AND name IS NOT NONE AND name IS NOT NULL ORDER BY name",
            "Bob; dee"),
        c("scalar subquery with aggregate", d -> d.select(NAME).from(PERSON)
                .where(AGE.gt(d.select(max(AGE)).from(PERSON).where(CITY.eq("Bergen")))).orderBy(NAME),
            "SELECT name FROM person WHERE age > (SELECT math::max(age) AS max FROM person WHERE city = ? GROUP ALL)[0].max ORDER BY name",
            "Ann; Cid"),
        c("scalar subquery in select", d -> d.select(NAME, field(d.select(max(AGE)).from(PERSON)).as("oldest"))
                .from(PERSON).where(NAME.eq("Ann")),
            "SELECT name, (SELECT math::max(age) AS max FROM person GROUP ALL)[0].max AS oldest FROM person WHERE name = ?",
            "Ann,40"),
        c("exists correlated", d -> d.select(NAME).from(PERSON)
                .where(exists(selectOne().from(table(name("follows"))).where(field(name("follows", "in")).eq(field(name("person", "id"))))))
                .orderBy(NAME),
            "SELECT name FROM person WHERE array::len((SELECT 1 AS one FROM follows WHERE `in` = $parent.id LIMIT 1)) > 0 ORDER BY name",
            "Ann; Bob; Cid"),
        c("not exists", d -> d.select(NAME).from(PERSON)
                .where(notExists(selectOne().from(table(name("follows"))).where(field(name("follows", "in")).eq(field(name("person", "id"))))))
                .orderBy(NAME),
            "SELECT name FROM person WHERE !(array::len((SELECT 1 AS one FROM follows WHERE `in` = $parent.id LIMIT 1)) > 0) ORDER BY name",
            "null; dee"),
        c("derived table", d -> d.select(field(name("n"))).from(d.select(NAME.as("n"), AGE).from(PERSON).where(AGE.gt(30)).asTable("x"))
                .orderBy(field(name("n"))),
            "SELECT n FROM (SELECT name AS n, age FROM person WHERE age > ?) ORDER BY n",
            "Ann; Cid"),
        // ------------------------------------------------------------------ aggregates, grouping, distinct
        c("count sum avg min max", d -> d.select(count(), count(AGE), sum(AGE), min(AGE), max(AGE)).from(PERSON),
            "SELECT count() AS `count`, count(age IS NOT NONE AND age IS NOT NULL) AS count_2, math::sum(age) AS sum, math::min(age) AS min, math::max(age) AS max FROM person GROUP ALL",
            "5,4,115,19,40"),
        c("avg", d -> d.select(avg(SCORE)).from(PERSON).where(CITY.eq("Oslo")),
            "SELECT math::mean(score) AS avg FROM person WHERE city = ? GROUP ALL",
            "8.25"),
        c("group by", d -> d.select(CITY, count().as("n"), sum(AGE).as("total")).from(PERSON).groupBy(CITY).orderBy(CITY),
            "SELECT city, count() AS n, math::sum(age) AS total FROM person GROUP BY city ORDER BY city",
            "SELECT city, n, total FROM (SELECT city, count() AS n, math::sum(age) AS total FROM person GROUP BY city) ORDER BY city",
            "Bergen,2,44; Oslo,2,71; Tromso,1,0"),
        c("group by order by desc (2.x: ordered outside)", d -> d.select(CITY, count().as("n")).from(PERSON).groupBy(CITY).orderBy(CITY.desc()).limit(2),
            "SELECT city, count() AS n FROM person GROUP BY city ORDER BY city DESC LIMIT ?",
            "SELECT city, n FROM (SELECT city, count() AS n FROM person GROUP BY city) ORDER BY city DESC LIMIT ?",
            "Tromso,1; Oslo,2"),
        c("group by with where and order by aggregate", d -> d.select(CITY, max(SCORE).as("best")).from(PERSON)
                .where(AGE.gt(18)).groupBy(CITY).orderBy(max(SCORE).desc()),
            "SELECT city, math::max(score) AS best FROM person WHERE age > ? GROUP BY city ORDER BY best DESC",
            "SELECT city, best FROM (SELECT city, math::max(score) AS best FROM person WHERE age > ? GROUP BY city) ORDER BY best DESC",
            "Oslo,9.0; Bergen,8.0"),
        c("having", d -> d.select(CITY, count().as("n")).from(PERSON).groupBy(CITY).having(count().gt(1)).orderBy(CITY),
            "SELECT city, n FROM (SELECT city, count() AS n FROM person GROUP BY city) WHERE n > ? ORDER BY city",
            "Bergen,2; Oslo,2"),
        c("having on an aggregate not selected", d -> d.select(CITY).from(PERSON).groupBy(CITY).having(sum(AGE).gt(java.math.BigDecimal.valueOf(50))),
            "SELECT city FROM (SELECT city, math::sum(age) AS _h2 FROM person GROUP BY city) WHERE _h2 > ?",
            "Oslo"),
        c("distinct", d -> d.selectDistinct(CITY).from(PERSON).orderBy(CITY),
            "SELECT city FROM person GROUP BY city ORDER BY city",
            "SELECT city FROM (SELECT city FROM person GROUP BY city) ORDER BY city",
            "Bergen; Oslo; Tromso"),
        c("count distinct (3.x)", d -> d.select(countDistinct(CITY)).from(PERSON),
            "SELECT array::len(array::distinct(city)) AS `count` FROM person GROUP ALL",
            NOT_ON_2,
            "3"),
        c("time::min for datetimes", d -> d.select(min(BORN)).from(PERSON),
            "SELECT time::min(born) AS min FROM person GROUP ALL",
            "1984-01-31T00:00:00Z"),
        c("fetchCount", d -> d.selectCount().from(d.select(NAME).from(PERSON).where(CITY.eq("Oslo"))),
            "SELECT count() AS `count` FROM (SELECT name FROM person WHERE city = ?) GROUP ALL",
            "2"),
        // ------------------------------------------------------------------ functions
        c("string functions", d -> d.select(upper(NAME), lower(NAME).as("l"), length(NAME).as("len"), trim(val("  x ")).as("t"))
                .from(PERSON).where(ID.eq(new RecordId("person", "ann"))),
            "SELECT (IF type::is_string(name) { string::uppercase(name) } ELSE { NULL }) AS upper, (IF type::is_string(name) { string::lowercase(name) } ELSE { NULL }) AS l, (IF type::is_string(name) { string::len(name) } ELSE { NULL }) AS len, string::trim(?) AS t FROM person WHERE id = ?",
            "SELECT (IF type::is::string(name) { string::uppercase(name) } ELSE { NULL }) AS upper, (IF type::is::string(name) { string::lowercase(name) } ELSE { NULL }) AS l, (IF type::is::string(name) { string::len(name) } ELSE { NULL }) AS len, string::trim(?) AS t FROM person WHERE id = ?",
            "ANN,ann,3,x"),
        c("string functions on NONE give NULL", d -> d.select(upper(NAME)).from(PERSON).where(ID.eq(new RecordId("person", "eve"))),
            "SELECT (IF type::is_string(name) { string::uppercase(name) } ELSE { NULL }) AS upper FROM person WHERE id = ?",
            "SELECT (IF type::is::string(name) { string::uppercase(name) } ELSE { NULL }) AS upper FROM person WHERE id = ?",
            "null"),
        c("substring (2.x length, 3.x end)", d -> d.select(substring(NAME, 2, 2)).from(PERSON).where(ID.eq(new RecordId("person", "ann"))),
            "SELECT (IF type::is_string(name) { string::slice(name, ?, ?) } ELSE { NULL }) AS substring FROM person WHERE id = ?",
            "SELECT (IF type::is::string(name) { string::slice(name, ?, ?) } ELSE { NULL }) AS substring FROM person WHERE id = ?",
            "nn"),
        c("concat and replace", d -> d.select(concat(NAME, val("@"), CITY).as("c"), replace(CITY, "o", "0").as("r")).from(PERSON)
                .where(ID.eq(new RecordId("person", "bob"))),
            "SELECT string::concat(name, ?, city) AS c, (IF type::is_string(city) { string::replace(city, ?, ?) } ELSE { NULL }) AS r FROM person WHERE id = ?",
            "SELECT string::concat(name, ?, city) AS c, (IF type::is::string(city) { string::replace(city, ?, ?) } ELSE { NULL }) AS r FROM person WHERE id = ?",
            "Bob@Bergen,Bergen"),
        c("math functions", d -> d.select(abs(val(-3)).as("a"), ceil(SCORE).as("c"), floor(SCORE).as("f"), round(SCORE).as("r"),
                    round(val(3.14159), 2).as("r2"), sqrt(val(16)).as("s"), power(val(2), 10).as("p"), greatest(AGE, val(35)).as("g"))
                .from(PERSON).where(ID.eq(new RecordId("person", "ann"))),
            "SELECT math::abs(?) AS a, math::ceil(score) AS c, math::floor(score) AS f, math::round(score) AS r, math::fixed(?, ?) AS r2, math::sqrt(?) AS s, math::pow(?, ?) AS p, math::max([age, ?]) AS g FROM person WHERE id = ?",
            "3,8.0,7.0,8.0,3.14,4.0,1024,35"),
        c("arithmetic", d -> d.select(AGE.plus(1).mul(2).minus(AGE.div(2)).as("x"), AGE.neg().as("neg")).from(PERSON)
                .where(ID.eq(new RecordId("person", "cid"))),
            "SELECT (((age + ?) * ?) - (age / ?)) AS x, -(age) AS neg FROM person WHERE id = ?",
            "62,-40"),
        c("date functions", d -> d.select(year(BORN).as("y"), month(BORN).as("m"), day(BORN).as("d"), hour(BORN).as("h"),
                    extract(BORN, DatePart.DAY_OF_YEAR).as("doy"))
                .from(PERSON).where(ID.eq(new RecordId("person", "bob"))),
            "SELECT time::year(born) AS y, time::month(born) AS m, time::day(born) AS d, time::hour(born) AS h, time::yday(born) AS doy FROM person WHERE id = ?",
            "1999,12,24,10,358"),
        c("date arithmetic (2.x/3.x duration functions)", d -> d.select(field("x", Object.class))
                .from(PERSON).where(ID.eq(new RecordId("person", "ann"))
                    .and(org.jooq.impl.DSL.localDateTimeAdd(BORN.coerce(SQLDataType.LOCALDATETIME), 2, DatePart.DAY)
                        .gt(BORN.coerce(SQLDataType.LOCALDATETIME)))),
            "SELECT x FROM person WHERE id = ? AND (born + duration::from_days(?)) > born",
            "SELECT x FROM person WHERE id = ? AND (born + duration::from::days(?)) > born",
            "null"),
        c("current timestamp", d -> d.select(count()).from(PERSON).where(BORN.lt(currentTimestamp().coerce(BORN))),
            "SELECT count() AS `count` FROM person WHERE born < time::now() AND born IS NOT NONE AND born IS NOT NULL GROUP ALL",
            "3"),
        c("case when", d -> d.select(NAME, case_().when(AGE.ge(30), "senior").when(AGE.ge(20), "adult").else_("young").as("band"))
                .from(PERSON).where(NAME.isNotNull().and(AGE.isNotNull())).orderBy(NAME),
            "SELECT name, (IF age >= ? { ? } ELSE IF age >= ? { ? } ELSE { ? }) AS band FROM person WHERE name IS NOT NONE AND name IS NOT NULL AND age IS NOT NONE AND age IS NOT NULL ORDER BY name",
            "Ann,senior; Bob,adult; Cid,senior"),
        c("nullif and cast", d -> d.select(nullif(CITY, "Oslo").as("c"), cast(AGE, String.class).as("a")).from(PERSON)
                .where(ID.eq(new RecordId("person", "ann"))),
            "SELECT (IF city = ? { NULL } ELSE { city }) AS c, <string>age AS a FROM person WHERE id = ?",
            "null,31"),
        // ------------------------------------------------------------------ SurrealDB extensions
        c("record id value", d -> d.select(NAME).from(PERSON).where(ID.in(SurrealDSL.recordId("person", "ann"), SurrealDSL.recordId("person", "cid")))
                .orderBy(NAME),
            "SELECT name FROM person WHERE id IN [?, ?] ORDER BY name",
            "Ann; Cid"),
        c("record id from a key expression (type::record / type::thing)", d -> d.select(NAME).from(PERSON)
                .where(ID.eq(SurrealDSL.recordId("person", val("bob")))),
            "SELECT name FROM person WHERE id = type::record('person', ?)",
            "SELECT name FROM person WHERE id = type::thing('person', ?)",
            "Bob"),
        c("select from a record id", d -> d.select(NAME, AGE).from(SurrealDSL.table(new RecordId("person", "cid"))),
            "SELECT name, age FROM ?",
            "Cid,40"),
        c("escaped record id key", d -> d.select(NAME).from(SurrealDSL.table(new RecordId("person", "no such 'key'"))),
            "SELECT name FROM ?",
            ""),
        c("graph out", d -> d.select(NAME, SurrealDSL.graph().out("follows").out("person").field("name").as("follows"))
                .from(PERSON).where(ID.eq(new RecordId("person", "ann"))),
            "SELECT name, ->follows->person.name AS follows FROM person WHERE id = ?",
            "Ann,[Bob]"),
        c("graph in", d -> d.select(NAME, SurrealDSL.graph().in("follows").in("person").field("name").as("followers"))
                .from(PERSON).where(ID.eq(new RecordId("person", "cid"))),
            "SELECT name, <-follows<-person.name AS followers FROM person WHERE id = ?",
            "Cid,[Bob]"),
        c("graph both", d -> d.select(SurrealDSL.graph().both("follows").both("person").as("near"))
                .from(PERSON).where(ID.eq(new RecordId("person", "dee"))),
            "SELECT <->follows<->person AS near FROM person WHERE id = ?",
            "[person:cid, person:dee]"),
        c("graph edge filter", d -> d.select(NAME).from(PERSON)
                .where(SurrealDSL.graph().out("likes", field(name("weight")).gt(2)).out("post").exists()),
            "SELECT name FROM person WHERE array::len(->(likes WHERE weight > ?)->post) > 0",
            "Bob"),
        c("graph as condition (reaches)", d -> d.select(NAME).from(PERSON)
                .where(SurrealDSL.graph().out("likes").out("post").reaches(new RecordId("post", 1))).orderBy(NAME),
            "SELECT name FROM person WHERE ->likes->post CONTAINS ? ORDER BY name",
            "Bob; Cid"),
        c("graph from a record", d -> d.select(SurrealDSL.graph(new RecordId("person", "ann")).out("wrote").out("post").field("title").as("t")),
            "SELECT (?)->wrote->post.title AS t FROM [{}]",
            "[Graphs in SurrealDB]"),
        c("graph recursion", d -> d.select(SurrealDSL.graph().out("follows").out("person").recurse(2).as("p"))
                .from(SurrealDSL.table(new RecordId("person", "ann"))),
            "SELECT @.{2}(->follows->person) AS p FROM ?",
            "[person:cid]"),
        c("graph collect", d -> d.select(SurrealDSL.graph().out("follows").out("person").collect(1, 5).as("p"))
                .from(SurrealDSL.table(new RecordId("person", "ann"))),
            "SELECT @.{1..5+collect}(->follows->person) AS p FROM ?",
            "[person:bob, person:cid, person:dee]"),
        c("graph path", d -> d.select(SurrealDSL.graph().out("follows").out("person").path().as("p"))
                .from(SurrealDSL.table(new RecordId("person", "bob"))),
            "SELECT @.{..+path}(->follows->person) AS p FROM ?",
            "[[person:cid, person:dee]]"),
        c("graph shortest", d -> d.select(SurrealDSL.graph().out("follows").out("person").shortest(new RecordId("person", "dee")).as("p"))
                .from(SurrealDSL.table(new RecordId("person", "ann"))),
            "SELECT @.{..+shortest=?}(->follows->person) AS p FROM ?",
            "[person:bob, person:cid, person:dee]"),
        c("containsany / inside", d -> d.select(NAME).from(PERSON)
                .where(SurrealDSL.containsAny(TAGS, List.of("a", "z")).or(SurrealDSL.inside(CITY, List.of("Tromso")))).orderBy(NAME),
            "SELECT name FROM person WHERE tags CONTAINSANY ? OR city INSIDE ? ORDER BY name",
            "Ann; dee"),
        c("contains on arrays", d -> d.select(NAME).from(PERSON).where(SurrealDSL.contains(TAGS, "b")).orderBy(NAME),
            "SELECT name FROM person WHERE tags CONTAINS ? ORDER BY name",
            "Ann; Bob"),
        c("knn brute force", d -> d.select(field(name("id")), SurrealDSL.knnDistance().as("dist")).from(DOC)
                .where(SurrealDSL.knn(EMB, 2, Distance.EUCLIDEAN, List.of(1.0, 0.0, 0.0))).orderBy(field(name("dist"))),
            "SELECT id, vector::distance::knn() AS dist FROM doc WHERE emb <|2,EUCLIDEAN|> ? ORDER BY dist",
            null),
        c("knn hnsw", d -> d.select(field(name("id"))).from(DOC)
                .where(SurrealDSL.knn(EMB, 1, 40, List.of(0.0, 1.0, 0.0))),
            "SELECT id FROM doc WHERE emb <|1,40|> ?",
            "doc:2"),
        c("vector similarity", d -> d.select(field(name("id")), SurrealDSL.cosineSimilarity(EMB, List.of(1.0, 0.0, 0.0)).as("sim"))
                .from(DOC).where(field(name("id")).eq(SurrealDSL.recordId("doc", 1))),
            "SELECT id, vector::similarity::cosine(emb, ?) AS sim FROM doc WHERE id = ?",
            "doc:1,1.0"),
        c("full-text search", d -> d.select(field(name("id")), SurrealDSL.searchScore(1).as("score"))
                .from(DOC).where(SurrealDSL.matches(BODY, 1, "fox")).orderBy(field(name("id"))),
            "SELECT id, search::score(1) AS score FROM doc WHERE body @1@ ? ORDER BY id",
            null),
        c("full-text highlight", d -> d.select(SurrealDSL.searchHighlight("<b>", "</b>", 1).as("h"))
                .from(DOC).where(SurrealDSL.matches(BODY, 1, "book")),
            "SELECT search::highlight('<b>', '</b>', 1) AS h FROM doc WHERE body @1@ ?",
            "A lazy afternoon with a good <b>book</b>"),
        c("select value", d -> d.select(SurrealDSL.value(NAME)).from(PERSON).where(CITY.eq("Oslo")).orderBy(NAME),
            "SELECT VALUE name FROM person WHERE city = ? ORDER BY name",
            "Ann; Cid"),
        c("omit", d -> d.select(asterisk().except(TAGS, field(name("address")), BORN, SCORE)).from(PERSON).where(ID.eq(new RecordId("person", "cid"))),
            "SELECT * OMIT tags, address, born, score FROM person WHERE id = ?",
            null),
        c("only", d -> d.select(NAME).from(SurrealDSL.only(SurrealDSL.table(new RecordId("person", "bob")))),
            "SELECT name FROM ONLY ?",
            "Bob"),
        c("fetch, timeout", d -> SurrealDSL.select(d.select(NAME, SurrealDSL.graph().out("wrote").out("post").as("posts")).from(PERSON)
                .where(ID.eq(new RecordId("person", "ann")))).fetch("posts").timeout(Duration.ofSeconds(5)),
            "SELECT name, ->wrote->post AS posts FROM person WHERE id = ? FETCH posts TIMEOUT 5s",
            "Ann,[{id=post:1, title=Graphs in SurrealDB, views=10}]"),
        c("split", d -> SurrealDSL.select(d.select(NAME, SurrealDSL.path("tags")).from(PERSON).where(ID.eq(new RecordId("person", "ann")))).split("tags"),
            "SELECT name, tags FROM person WHERE id = ? SPLIT tags",
            "Ann,a; Ann,b"),
        c("with noindex", d -> SurrealDSL.select(d.select(NAME).from(PERSON).where(NAME.eq("Bob"))).withNoIndex(),
            "SELECT name FROM person WITH NOINDEX WHERE name = ?",
            "Bob"),
        c("explain", d -> SurrealDSL.select(d.select(NAME).from(PERSON).where(NAME.eq("Bob"))).explain(),
            "SELECT name FROM person WHERE name = ? EXPLAIN",
            null),
        c("function call (fn name adapted)", d -> d.select(SurrealDSL.function("string::is::alphanum", Boolean.class, NAME).as("ok"))
                .from(PERSON).where(ID.eq(new RecordId("person", "ann"))),
            "SELECT string::is_alphanum(name) AS ok FROM person WHERE id = ?",
            "SELECT string::is::alphanum(name) AS ok FROM person WHERE id = ?",
            "true"),
        c("plain SQL template as SurrealQL", d -> d.select(field("string::len(city)", Integer.class).as("n")).from(PERSON)
                .where(org.jooq.impl.DSL.condition("string::len(city) >= {0}", val(1))).orderBy(field(name("n")))
                .limit(1),
            "SELECT string::len(city) AS n FROM person WHERE (string::len(city) >= ?) ORDER BY n LIMIT ?",
            "4")
    );

    /** Cases that change data (run in order, after the reads). */
    static final List<Case> WRITES = List.of(
        c("insert one row", d -> d.insertInto(T_INS, N, S).values(1, "a"),
            "INSERT INTO t_ins {n: ?, s: ?} RETURN id",
            "count=1"),
        c("insert many rows, NULL becomes NONE", d -> d.insertInto(T_INS, N, S).values(2, "b").values(3, null),
            "INSERT INTO t_ins [{n: ?, s: ?}, {n: ?, s: NONE}] RETURN id",
            "count=2"),
        c("insert returning", d -> d.insertInto(T_INS, N, S).values(4, "d").returning(N, S),
            "INSERT INTO t_ins {n: ?, s: ?} RETURN n, s",
            "4,d"),
        c("insert with a record id", d -> d.insertInto(T_INS, ID, N, S).values(new RecordId("t_ins", "x"), 5, "x").returning(ID),
            "INSERT INTO t_ins {id: ?, n: ?, s: ?} RETURN id",
            "t_ins:x"),
        c("insert on duplicate key update", d -> d.insertInto(T_INS, ID, N, S).values(new RecordId("t_ins", "x"), 6, "y")
                .onDuplicateKeyUpdate().set(N, excluded(N)).returning(N, S),
            "INSERT INTO t_ins {id: ?, n: ?, s: ?} ON DUPLICATE KEY UPDATE n = $input.n RETURN n, s",
            "6,x"),
        c("insert ignore", d -> d.insertInto(T_INS, ID, N).values(new RecordId("t_ins", "x"), 7).onDuplicateKeyIgnore(),
            "INSERT IGNORE INTO t_ins {id: ?, n: ?} RETURN id",
            null),
        c("insert select", d -> d.insertInto(T_INS, N, S).select(select(AGE, NAME).from(PERSON).where(CITY.eq("Oslo"))),
            "INSERT INTO t_ins (SELECT age AS n, name AS s FROM person WHERE city = ?) RETURN id",
            "count=2"),
        c("select inserted", d -> d.select(N, S).from(T_INS).where(N.le(31)).orderBy(N),
            "SELECT n, s FROM t_ins WHERE n <= ? AND n IS NOT NONE AND n IS NOT NULL ORDER BY n",
            "1,a; 2,b; 3,null; 4,d; 6,x; 31,Ann"),
        c("update set", d -> d.update(T_INS).set(S, "z").where(N.eq(1)),
            "UPDATE t_ins SET s = ? WHERE n = ? RETURN id",
            "count=1"),
        c("update expression (3.x: ids first)", d -> d.update(T_INS).set(N, N.plus(100)).where(S.eq("z")).returning(N),
            "UPDATE (SELECT VALUE id FROM t_ins WHERE s = ?) SET n = (n + ?) RETURN n",
            "UPDATE t_ins SET n = (n + ?) WHERE s = ? RETURN n",
            "101"),
        c("update set null removes the field", d -> d.update(T_INS).set(S, (String) null).where(N.eq(101)).returning(N, S),
            "UPDATE t_ins SET s = NONE WHERE n = ? RETURN n, s",
            "101,null"),
        c("upsert merge", d -> SurrealDSL.upsert(new RecordId("t_upd", "a")).merge(Fixture.map("n", 1, "s", "one")).returning(N, S),
            "UPSERT ? MERGE ? RETURN n, s",
            "1,one"),
        c("update content", d -> SurrealDSL.update(new RecordId("t_upd", "a")).content(Fixture.map("n", 2)).returning(N, S),
            "UPDATE ? CONTENT ? RETURN n, s",
            "2,null"),
        c("create set", d -> SurrealDSL.create(new RecordId("t_upd", "b")).set(N, 3).set(S, "three").returnAfter(),
            "CREATE ? SET n = ?, s = ? RETURN AFTER",
            "t_upd:b,3,three"),
        c("update where with diff", d -> SurrealDSL.update("t_upd").set(S, "x").where(N.eq(3)).returnDiff(),
            "UPDATE t_upd SET s = ? WHERE n = ? RETURN DIFF",
            null),
        c("relate", d -> SurrealDSL.relate(new RecordId("person", "eve"), "likes", new RecordId("post", 2))
                .set(field(name("weight"), Integer.class), 5).returning(field(name("in")), field(name("out")), field(name("weight"))),
            "RELATE (?)->likes->((?)) SET weight = ? RETURN `in`, out, weight",
            "person:eve,post:2,5"),
        c("relate to a subquery", d -> SurrealDSL.relate(new RecordId("person", "dee"), "likes",
                    d.select(ID).from(POST).where(TITLE.eq("Vectors"))).returnNone(),
            "RELATE (?)->likes->(SELECT VALUE id FROM post WHERE title = ?) RETURN NONE",
            ""),
        c("relate content", d -> SurrealDSL.relate(new RecordId("person", "dee"), "follows", new RecordId("person", "eve"))
                .content(Fixture.map("since", 2024)).returning(field(name("since"))),
            "RELATE (?)->follows->((?)) CONTENT ? RETURN since",
            "2024"),
        c("delete", d -> d.deleteFrom(T_INS).where(N.gt(30)),
            "DELETE t_ins WHERE n > ? RETURN $before.id AS id",
            "count=3"),
        c("delete returning", d -> d.deleteFrom(T_INS).where(N.eq(2)).returning(N, S),
            "DELETE t_ins WHERE n = ? RETURN $before.n AS n, $before.s AS s",
            "2,b"),
        c("surreal delete", d -> SurrealDSL.delete(new RecordId("t_upd", "b")).returnBefore(),
            "DELETE ? RETURN BEFORE",
            "t_upd:b,3,x"),
        c("define table", d -> SurrealDDL.defineTable("t_ddl").schemafull().changefeed(Duration.ofHours(1)).comment("test"),
            "DEFINE TABLE t_ddl SCHEMAFULL CHANGEFEED 1h COMMENT 'test'",
            ""),
        c("define field with assert", d -> SurrealDDL.defineField("n", "t_ddl").type("int").defaultValue(0)
                .assertThat(SurrealDDL.VALUE.ge(0)),
            "DEFINE FIELD n ON t_ddl TYPE int DEFAULT 0 ASSERT $value >= 0",
            ""),
        c("define field computed", d -> SurrealDDL.defineField("double", "t_ddl").computed("(n ?? 0) * 2"),
            "DEFINE FIELD double ON t_ddl COMPUTED (n ?? 0) * 2",
            "DEFINE FIELD double ON t_ddl VALUE <future> { (n ?? 0) * 2 }",
            ""),
        c("define index", d -> SurrealDDL.defineIndex("t_ddl_n", "t_ddl").fields("n").unique(),
            "DEFINE INDEX t_ddl_n ON t_ddl FIELDS n UNIQUE",
            ""),
        c("write through the schema", d -> SurrealDSL.create("t_ddl").set(N, 21).returning(N, field(name("double"))),
            "CREATE t_ddl SET n = ? RETURN n, double",
            "21,42"),
        c("read a computed field", d -> d.select(N, field(name("double"))).from(table(name("t_ddl"))),
            "SELECT n, double FROM t_ddl",
            "21,42"),
        c("remove table", d -> SurrealDDL.removeTable("t_ddl").ifExists(),
            "REMOVE TABLE IF EXISTS t_ddl",
            "")
    );
}
