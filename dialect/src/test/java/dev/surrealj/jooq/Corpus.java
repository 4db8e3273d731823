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
import static org.jooq.impl.DSL.falseCondition;
import static org.jooq.impl.DSL.trueCondition;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.reverse;
import static org.jooq.impl.DSL.repeat;
import static org.jooq.impl.DSL.left;
import static org.jooq.impl.DSL.md5;
import static org.jooq.impl.DSL.sign;
import static org.jooq.impl.DSL.ln;
import static org.jooq.impl.DSL.exp;
import static org.jooq.impl.DSL.log10;
import static org.jooq.impl.DSL.least;
import static org.jooq.impl.DSL.square;
import static org.jooq.impl.DSL.deg;
import static org.jooq.impl.DSL.pi;
import static org.jooq.impl.DSL.sin;
import static org.jooq.impl.DSL.cos;
import static org.jooq.impl.DSL.minute;
import static org.jooq.impl.DSL.second;
import static org.jooq.impl.DSL.cardinality;
import static org.jooq.impl.DSL.arrayGet;
import static org.jooq.impl.DSL.arrayAppend;
import static org.jooq.impl.DSL.arrayConcat;
import static org.jooq.impl.DSL.array;
import static org.jooq.impl.DSL.nvl;
import static org.jooq.impl.DSL.nvl2;
import static org.jooq.impl.DSL.iif;
import static org.jooq.impl.DSL.choose;
import static org.jooq.impl.DSL.median;
import static org.jooq.impl.DSL.stddevSamp;
import static org.jooq.impl.DSL.varSamp;
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
import java.time.Instant;
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
    static final Table<Record> T_INS2 = table(name("t_ins2"));
    static final Table<Record> T_UPS = table(name("t_ups"));
    static final Table<Record> FOLLOWS = table(name("follows"));
    static final Table<Record> WROTE = table(name("wrote"));
    static final Table<Record> LIKES = table(name("likes"));
    static final Field<String> ZIP = field(name("address", "zip"), String.class);
    static final Field<String[]> TAG_ARRAY = field(name("tags"), SQLDataType.VARCHAR.array());

    /** Read-only cases (any order). */
    static final List<Case> SELECTS = List.of(
        // ------------------------------------------------------------------ fields, aliases, where, order, limit
        c("fields and where", d -> d.select(NAME, AGE).from(PERSON).where(AGE.gt(30)).orderBy(NAME),
            "SELECT name, age FROM person WHERE age > ? ORDER BY name",
            "Ann,31; Cid,40"),
        c("aliases", d -> d.select(NAME.as("who"), AGE.plus(1).as("next")).from(PERSON).where(CITY.eq("Oslo")).orderBy(NAME),
            "SELECT name AS who, (IF type::is_number(age) { age + ? } ELSE { NULL }) AS next FROM person WHERE city = ? ORDER BY who",
            "SELECT name AS who, (IF type::is::number(age) { age + ? } ELSE { NULL }) AS next FROM person WHERE city = ? ORDER BY who",
            "Ann,32; Cid,41"),
        c("multi-column order by, desc", d -> d.select(CITY, NAME).from(PERSON).where(NAME.isNotNull())
                .orderBy(CITY.desc(), NAME.asc()),
            "SELECT city, name FROM person WHERE name IS NOT NONE AND name IS NOT NULL ORDER BY city DESC, name ASC",
            "Tromso,dee; Oslo,Ann; Oslo,Cid; Bergen,Bob"),
        c("order by a field not selected", d -> d.select(NAME).from(PERSON).where(AGE.isNotNull()).orderBy(AGE.desc()),
            "SELECT name, age FROM person WHERE age IS NOT NONE AND age IS NOT NULL ORDER BY age DESC",
            "Cid; Ann; Bob; null"),
        c("order by an expression", d -> d.select(NAME).from(PERSON).where(AGE.isNotNull()).orderBy(AGE.mod(10)),
            "SELECT name, (IF type::is_number(age) { age % ? } ELSE { NULL }) AS _o2 FROM person WHERE age IS NOT NONE AND age IS NOT NULL ORDER BY _o2",
            "SELECT name, (IF type::is::number(age) { age % ? } ELSE { NULL }) AS _o2 FROM person WHERE age IS NOT NONE AND age IS NOT NULL ORDER BY _o2",
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
            "SELECT array::len(array::complement(array::distinct(city), [NONE, NULL])) AS `count` FROM person GROUP ALL",
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
            "SELECT (IF type::is_number(age) { ((age + ?) * ?) - (age / ?) } ELSE { NULL }) AS x, (IF type::is_number(age) { -(age) } ELSE { NULL }) AS neg FROM person WHERE id = ?",
            "SELECT (IF type::is::number(age) { ((age + ?) * ?) - (age / ?) } ELSE { NULL }) AS x, (IF type::is::number(age) { -(age) } ELSE { NULL }) AS neg FROM person WHERE id = ?",
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
            "SELECT x FROM person WHERE id = ? AND (IF type::is_datetime(born) { born + duration::from_days(?) } ELSE { NULL }) > born",
            "SELECT x FROM person WHERE id = ? AND (IF type::is::datetime(born) { born + duration::from::days(?) } ELSE { NULL }) > born",
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
            "4"),
        // ------------------------------------------------------------------ more WHERE shapes
        c("compare two fields", d -> d.select(NAME).from(PERSON).where(SCORE.mul(4).lt(AGE.coerce(SCORE))).orderBy(NAME),
            "SELECT name FROM person WHERE (IF type::is_number(score) { score * ? } ELSE { NULL }) < age AND type::is_number(score) ORDER BY name",
            "SELECT name FROM person WHERE (IF type::is::number(score) { score * ? } ELSE { NULL }) < age AND type::is::number(score) ORDER BY name",
            "Ann; Bob; Cid"),
        c("or of equalities", d -> d.select(ID).from(PERSON).where(CITY.eq("Tromso").or(AGE.eq(19))).orderBy(ID),
            "SELECT id FROM person WHERE city = ? OR age = ? ORDER BY id",
            "person:dee; person:eve"),
        c("in with one value", d -> d.select(NAME).from(PERSON).where(CITY.in("Oslo")).orderBy(NAME),
            "SELECT name FROM person WHERE city IN [?] ORDER BY name",
            "Ann; Cid"),
        c("nested and inside or", d -> d.select(ID).from(PERSON)
                .where(CITY.eq("Oslo").and(SCORE.gt(8.0)).or(CITY.eq("Bergen").and(SCORE.gt(7.0)))).orderBy(ID),
            "SELECT id FROM person WHERE (city = ? AND score > ?) OR (city = ? AND score > ?) ORDER BY id",
            "person:cid; person:eve"),
        c("not of an in list", d -> d.select(NAME).from(PERSON).where(not(CITY.in("Oslo", "Bergen"))),
            "SELECT name FROM person WHERE city NOT IN [?, ?] AND city IS NOT NONE AND city IS NOT NULL",
            "dee"),
        c("not of an or", d -> d.select(NAME).from(PERSON).where(not(CITY.eq("Oslo").or(AGE.lt(20)))).orderBy(NAME),
            "SELECT name FROM person WHERE city != ? AND city IS NOT NONE AND city IS NOT NULL AND age >= ? ORDER BY name",
            "Bob"),
        c("is distinct from", d -> d.select(ID).from(PERSON).where(AGE.isDistinctFrom(31)).orderBy(ID),
            "SELECT id FROM person WHERE age != ? ORDER BY id",
            "person:bob; person:cid; person:dee; person:eve"),
        c("is not distinct from", d -> d.select(ID).from(PERSON).where(CITY.isNotDistinctFrom("Tromso")),
            "SELECT id FROM person WHERE city = ?",
            "person:dee"),
        c("false condition", d -> d.select(NAME).from(PERSON).where(falseCondition()),
            "SELECT name FROM person WHERE false",
            ""),
        c("true condition and no condition", d -> d.select(count()).from(PERSON).where(trueCondition().and(noCondition())),
            "SELECT count() AS `count` FROM person WHERE true GROUP ALL",
            "5"),
        c("nested field is null", d -> d.select(ID).from(PERSON).where(ADDRESS_CITY.isNull()).orderBy(ID),
            "SELECT id FROM person WHERE address.city IS NONE OR address.city IS NULL ORDER BY id",
            "person:cid; person:dee; person:eve"),
        c("between datetimes", d -> d.select(NAME).from(PERSON)
                .where(BORN.between(Instant.parse("1990-01-01T00:00:00Z"), Instant.parse("2000-01-01T00:00:00Z"))).orderBy(NAME),
            "SELECT name FROM person WHERE born >= ? AND born <= ? ORDER BY name",
            "Ann; Bob"),
        c("datetime comparison", d -> d.select(NAME).from(PERSON).where(BORN.gt(Instant.parse("1995-01-01T00:00:00Z"))),
            "SELECT name FROM person WHERE born > ?",
            "Bob"),
        c("string comparison", d -> d.select(NAME).from(PERSON).where(NAME.gt("B")).orderBy(NAME),
            "SELECT name FROM person WHERE name > ? ORDER BY name",
            "Bob; Cid; dee"),
        c("regular expression", d -> d.select(NAME).from(PERSON).where(NAME.likeRegex("^[A-B]")).orderBy(NAME),
            "SELECT name FROM person WHERE (type::is_string(name) AND string::matches(name, ?)) ORDER BY name",
            "SELECT name FROM person WHERE (type::is::string(name) AND string::matches(name, ?)) ORDER BY name",
            "Ann; Bob"),
        c("ends with ignoring case", d -> d.select(NAME).from(PERSON).where(NAME.endsWithIgnoreCase("E")),
            "SELECT name FROM person WHERE (type::is_string(name) AND string::ends_with(string::lowercase(name), ?))",
            "SELECT name FROM person WHERE (type::is::string(name) AND string::ends_with(string::lowercase(name), ?))",
            "dee"),
        c("condition as a field", d -> d.select(NAME, field(AGE.gt(30)).as("old")).from(PERSON).where(CITY.eq("Oslo")).orderBy(NAME),
            "SELECT name, age > ? AS old FROM person WHERE city = ? ORDER BY name",
            "Ann,true; Cid,true"),
        c("arithmetic in where: NONE and NULL operands are NULL, not errors", d -> d.select(NAME).from(PERSON).where(AGE.mod(2).eq(1)).orderBy(NAME),
            "SELECT name FROM person WHERE (IF type::is_number(age) { age % ? } ELSE { NULL }) = ? ORDER BY name",
            "SELECT name FROM person WHERE (IF type::is::number(age) { age % ? } ELSE { NULL }) = ? ORDER BY name",
            "null; Ann; Bob"),
        c("arithmetic on NONE and NULL gives NULL", d -> d.select(ID, AGE.plus(1).mul(SCORE).as("x"), AGE.neg().as("neg"),
                    org.jooq.impl.DSL.localDateTimeAdd(BORN.coerce(SQLDataType.LOCALDATETIME), 1, DatePart.DAY).as("next"))
                .from(PERSON).where(CITY.ne("Oslo")).orderBy(ID),
            "SELECT id, (IF type::is_number(age) AND type::is_number(score) { (age + ?) * score } ELSE { NULL }) AS x, (IF type::is_number(age) { -(age) } ELSE { NULL }) AS neg, (IF type::is_datetime(born) { born + duration::from_days(?) } ELSE { NULL }) AS next FROM person WHERE city != ? AND city IS NOT NONE AND city IS NOT NULL ORDER BY id",
            "SELECT id, (IF type::is::number(age) AND type::is::number(score) { (age + ?) * score } ELSE { NULL }) AS x, (IF type::is::number(age) { -(age) } ELSE { NULL }) AS neg, (IF type::is::datetime(born) { born + duration::from::days(?) } ELSE { NULL }) AS next FROM person WHERE city != ? AND city IS NOT NONE AND city IS NOT NULL ORDER BY id",
            "person:bob,156,-25,1999-12-25T10:30; person:dee,null,null,null; person:eve,160,-19,null"),
        // ------------------------------------------------------------------ more functions
        c("string functions 2", d -> d.select(reverse(NAME).as("r"), repeat(NAME, 2).as("rr"), left(NAME, 2).as("l"), md5(NAME).as("h"))
                .from(PERSON).where(ID.eq(new RecordId("person", "bob"))),
            "SELECT (IF type::is_string(name) { string::reverse(name) } ELSE { NULL }) AS r, (IF type::is_string(name) { string::repeat(name, ?) } ELSE { NULL }) AS rr, (IF type::is_string(name) { string::slice(name, ?, ?) } ELSE { NULL }) AS l, (IF type::is_string(name) { crypto::md5(name) } ELSE { NULL }) AS h FROM person WHERE id = ?",
            "SELECT (IF type::is::string(name) { string::reverse(name) } ELSE { NULL }) AS r, (IF type::is::string(name) { string::repeat(name, ?) } ELSE { NULL }) AS rr, (IF type::is::string(name) { string::slice(name, ?, ?) } ELSE { NULL }) AS l, (IF type::is::string(name) { crypto::md5(name) } ELSE { NULL }) AS h FROM person WHERE id = ?",
            "boB,BobBob,Bo,2fc1c0beb992cd7096975cfebf9d5c3b"),
        c("math functions 2", d -> d.select(sign(val(-4)).as("s"), ln(val(1.0)).as("ln"), exp(val(0.0)).as("e"), log10(val(100.0)).as("lg"),
                    least(AGE, val(30)).as("lt"), square(val(3)).as("sq"), AGE.mod(7).as("m"))
                .from(PERSON).where(ID.eq(new RecordId("person", "ann"))),
            "SELECT math::sign(?) AS s, math::ln(?) AS ln, math::pow(math::e, ?) AS e, math::log10(?) AS lg, math::min([age, ?]) AS lt, math::pow(?, 2) AS sq, (IF type::is_number(age) { age % ? } ELSE { NULL }) AS m FROM person WHERE id = ?",
            "SELECT math::sign(?) AS s, math::ln(?) AS ln, math::pow(math::e, ?) AS e, math::log10(?) AS lg, math::min([age, ?]) AS lt, math::pow(?, 2) AS sq, (IF type::is::number(age) { age % ? } ELSE { NULL }) AS m FROM person WHERE id = ?",
            "-1,0.0,1.0,2.0,30,9,3"),
        c("trigonometry and constants", d -> d.select(round(deg(pi()), 3).as("deg"), sin(val(0.0)).as("s"), cos(val(0.0)).as("c"))
                .from(PERSON).where(ID.eq(new RecordId("person", "ann"))),
            "SELECT math::fixed(math::rad2deg(math::pi), ?) AS deg, math::sin(?) AS s, math::cos(?) AS c FROM person WHERE id = ?",
            "180.0,0.0,1.0"),
        c("time parts 2", d -> d.select(minute(BORN).as("mi"), second(BORN).as("s"), extract(BORN, DatePart.QUARTER).as("q"),
                    extract(BORN, DatePart.ISO_DAY_OF_WEEK).as("wd"), extract(BORN, DatePart.DAY_OF_WEEK).as("dow"),
                    extract(BORN, DatePart.EPOCH).as("epoch"))
                .from(PERSON).where(ID.eq(new RecordId("person", "bob"))),
            "SELECT time::minute(born) AS mi, time::second(born) AS s, math::ceil(time::month(born) / 3) AS q, time::wday(born) AS wd, (time::wday(born) % 7 + 1) AS dow, time::unix(born) AS epoch FROM person WHERE id = ?",
            "30,0,4,5,6,946031400"),
        c("date subtraction", d -> d.select(NAME).from(PERSON)
                .where(org.jooq.impl.DSL.localDateTimeAdd(BORN.coerce(SQLDataType.LOCALDATETIME), -1, DatePart.HOUR)
                    .lt(org.jooq.impl.DSL.localDateTime(java.time.LocalDateTime.parse("1984-01-31T00:00:00")))),
            "SELECT name FROM person WHERE (IF type::is_datetime(born) { born - duration::from_hours(?) } ELSE { NULL }) < ? AND type::is_datetime(born)",
            "SELECT name FROM person WHERE (IF type::is::datetime(born) { born - duration::from::hours(?) } ELSE { NULL }) < ? AND type::is::datetime(born)",
            "Cid"),
        c("array functions", d -> d.select(cardinality(TAG_ARRAY).as("n"), arrayGet(TAG_ARRAY, 2).as("second"),
                    cardinality(arrayAppend(TAG_ARRAY, val("c"))).as("appended"), cardinality(arrayConcat(TAG_ARRAY, TAG_ARRAY)).as("twice"))
                .from(PERSON).where(ID.eq(new RecordId("person", "ann"))),
            "SELECT array::len(tags) AS n, tags[?] AS second, array::len(array::append(tags, ?)) AS appended, array::len(array::concat(tags, tags)) AS twice FROM person WHERE id = ?",
            "2,b,3,4"),
        c("array value", d -> d.select(array(val(1), val(2), AGE).as("a")).from(PERSON).where(ID.eq(new RecordId("person", "cid"))),
            "SELECT [?, ?, age] AS a FROM person WHERE id = ?",
            "[1, 2, 40]"),
        c("nvl nvl2 iif", d -> d.select(ID, nvl(AGE, -1).as("a"), nvl2(NAME, val("named"), val("anonymous")).as("n"),
                    iif(SCORE.ge(7.0), val("hi"), val("lo")).as("s"))
                .from(PERSON).where(CITY.in("Bergen", "Tromso")).orderBy(ID),
            "SELECT id, ((age) ?? (?)) AS a, (IF name IS NOT NONE AND name IS NOT NULL { ? } ELSE { ? }) AS n, (IF score >= ? { ? } ELSE { ? }) AS s FROM person WHERE city IN [?, ?] ORDER BY id",
            "person:bob,25,named,lo; person:dee,-1,named,lo; person:eve,19,anonymous,hi"),
        c("simple case", d -> d.select(NAME, choose(CITY).when("Oslo", "east").when("Bergen", "west").otherwise("north").as("region"))
                .from(PERSON).where(NAME.isNotNull()).orderBy(NAME),
            "SELECT name, (IF city = ? { ? } ELSE IF city = ? { ? } ELSE { ? }) AS region FROM person WHERE name IS NOT NONE AND name IS NOT NULL ORDER BY name",
            "Ann,east; Bob,west; Cid,east; dee,north"),
        c("surreal function in where", d -> d.select(NAME).from(PERSON)
                .where(SurrealDSL.function("string::len", Integer.class, CITY).gt(5)).orderBy(NAME),
            "SELECT name FROM person WHERE string::len(city) > ? ORDER BY name",
            "null; Bob; dee"),
        c("custom aggregate", d -> d.select(SurrealDSL.aggregate("array::distinct", Object.class, CITY).as("cities")).from(PERSON),
            "SELECT array::distinct(city) AS cities FROM person GROUP ALL",
            "[Oslo, Bergen, Tromso]"),
        // ------------------------------------------------------------------ more aggregates
        c("median stddev variance", d -> d.select(median(SCORE).as("med"), round(stddevSamp(SCORE), 3).as("sd"), round(varSamp(SCORE), 3).as("var"))
                .from(PERSON),
            "SELECT math::median(score) AS med, math::fixed(math::stddev(score), ?) AS sd, math::fixed(math::variance(score), ?) AS var FROM person GROUP ALL",
            "SELECT med, math::fixed(_a4, ?) AS sd, math::fixed(_a5, ?) AS var FROM (SELECT math::median(score) AS med, math::stddev(score) AS _a4, math::variance(score) AS _a5 FROM person GROUP ALL)",
            "7.5,1.44,2.075"),
        c("aggregate of an expression", d -> d.select(sum(AGE.mul(2)).as("s"), max(AGE.plus(1)).as("m"), count().mul(2).as("c2")).from(PERSON).where(AGE.isNotNull()),
            "SELECT math::sum((IF type::is_number(age) { age * ? } ELSE { NULL })) AS s, math::max((IF type::is_number(age) { age + ? } ELSE { NULL })) AS m, (count() * ?) AS c2 FROM person WHERE age IS NOT NONE AND age IS NOT NULL GROUP ALL",
            "SELECT s, m, (_a4 * ?) AS c2 FROM (SELECT math::sum((IF type::is::number(age) { age * ? } ELSE { NULL })) AS s, math::max((IF type::is::number(age) { age + ? } ELSE { NULL })) AS m, count() AS _a4 FROM person WHERE age IS NOT NONE AND age IS NOT NULL GROUP ALL)",
            "230,41,8"),
        c("conditional count", d -> d.select(sum(case_().when(CITY.eq("Oslo"), 1).else_(0)).as("oslo")).from(PERSON),
            "SELECT math::sum((IF city = ? { ? } ELSE { ? })) AS oslo FROM person GROUP ALL",
            "2"),
        c("selectCount with where", d -> d.selectCount().from(PERSON).where(AGE.gt(20)),
            "SELECT count() AS `count` FROM person WHERE age > ? GROUP ALL",
            "3"),
        c("group by two fields", d -> d.select(CITY, ZIP, count().as("n")).from(PERSON).groupBy(CITY, ZIP).orderBy(CITY, ZIP),
            "SELECT city, address.zip AS zip, count() AS n FROM person GROUP BY city, zip ORDER BY city, zip",
            "SELECT city, zip, n FROM (SELECT city, address.zip AS zip, count() AS n FROM person GROUP BY city, zip) ORDER BY city, zip",
            "Bergen,null,2; Oslo,null,1; Oslo,0150,1; Tromso,null,1"),
        c("distinct on two fields", d -> d.selectDistinct(CITY, ZIP).from(PERSON).orderBy(CITY),
            "SELECT city, address.zip AS zip FROM person GROUP BY city, zip ORDER BY city",
            "SELECT city, zip FROM (SELECT city, address.zip AS zip FROM person GROUP BY city, zip) ORDER BY city",
            "Bergen,null; Oslo,null; Oslo,0150; Tromso,null"),
        c("having with and", d -> d.select(CITY, avg(SCORE).as("a")).from(PERSON).groupBy(CITY)
                .having(avg(SCORE).gt(java.math.BigDecimal.valueOf(7.5)).and(count().ge(2))),
            "SELECT city, a FROM (SELECT city, math::mean(score) AS a, count() AS _h3 FROM person GROUP BY city) WHERE a > ? AND _h3 >= ?",
            "Oslo,8.25"),
        c("having with order and limit", d -> d.select(CITY, count().as("n")).from(PERSON).groupBy(CITY).having(count().ge(1))
                .orderBy(CITY.desc()).limit(2),
            "SELECT city, n FROM (SELECT city, count() AS n FROM person GROUP BY city) WHERE n >= ? ORDER BY city DESC LIMIT ?",
            "Tromso,1; Oslo,2"),
        c("group by with a where on the group", d -> d.select(CITY, min(AGE).as("youngest")).from(PERSON).where(SCORE.ge(6.0))
                .groupBy(CITY).orderBy(CITY),
            "SELECT city, math::min(age) AS youngest FROM person WHERE score >= ? GROUP BY city ORDER BY city",
            "SELECT city, youngest FROM (SELECT city, math::min(age) AS youngest FROM person WHERE score >= ? GROUP BY city) ORDER BY city",
            "Bergen,19; Oslo,31"),
        // ------------------------------------------------------------------ more subqueries
        c("exists uncorrelated", d -> d.select(count()).from(PERSON)
                .where(exists(selectOne().from(POST).where(TITLE.eq("Vectors")))),
            "SELECT count() AS `count` FROM person WHERE array::len((SELECT 1 AS one FROM post WHERE title = ? LIMIT 1)) > 0 GROUP ALL",
            "5"),
        c("in subquery over an edge table", d -> d.select(NAME).from(PERSON)
                .where(ID.in(select(field(name("in"), SurrealDataTypes.RECORD_ID)).from(WROTE)
                    .where(field(name("out", "views"), Integer.class).gt(5)))),
            "SELECT name FROM person WHERE id IN (SELECT VALUE `in` FROM wrote WHERE out.views > ?)",
            "Ann"),
        c("correlated scalar subquery", d -> d.select(NAME, field(select(count()).from(WROTE).where(field(name("wrote", "in")).eq(field(name("person", "id"))))).as("posts"))
                .from(PERSON).where(CITY.eq("Oslo")).orderBy(NAME),
            "SELECT name, (SELECT count() AS `count` FROM wrote WHERE `in` = $parent.id GROUP ALL)[0].`count` AS posts FROM person WHERE city = ? ORDER BY name",
            "SELECT name, ((SELECT count() AS `count` FROM wrote WHERE `in` = $parent.id GROUP ALL)[0].`count` ?? 0) AS posts FROM person WHERE city = ? ORDER BY name",
            "Ann,1; Cid,0"),
        c("aggregate over a derived table", d -> d.select(max(field(name("n"), Integer.class)).as("m"))
                .from(d.select(AGE.as("n")).from(PERSON).where(CITY.eq("Oslo")).asTable("x")),
            "SELECT math::max(n) AS m FROM (SELECT age AS n FROM person WHERE city = ?) GROUP ALL",
            "40"),
        c("array of a correlated subquery", d -> d.select(NAME, array(select(field(name("out"))).from(WROTE)
                    .where(field(name("wrote", "in")).eq(field(name("person", "id"))))).as("posts"))
                .from(PERSON).where(CITY.eq("Oslo")).orderBy(NAME),
            "SELECT name, (SELECT VALUE out FROM wrote WHERE `in` = $parent.id) AS posts FROM person WHERE city = ? ORDER BY name",
            "Ann,[post:1]; Cid,[]"),
        // ------------------------------------------------------------------ more graph
        c("graph edge properties", d -> d.select(SurrealDSL.graph().out("follows").field("since").as("since"))
                .from(SurrealDSL.table(new RecordId("person", "ann"))),
            "SELECT ->follows.since AS since FROM ?",
            "[2020]"),
        c("graph in with edge filter", d -> d.select(SurrealDSL.graph().in("follows", field(name("since")).ge(2021)).in("person").field("name").as("n"))
                .from(SurrealDSL.table(new RecordId("person", "dee"))),
            "SELECT <-(follows WHERE since >= ?)<-person.name AS n FROM ?",
            "[Cid]"),
        c("graph several edge tables", d -> d.select(SurrealDSL.graph().out("wrote", "likes").out("post").field("title").as("t"))
                .from(SurrealDSL.table(new RecordId("person", "bob"))),
            "SELECT ->(wrote, likes)->post.title AS t FROM ?",
            "[Vectors, Graphs in SurrealDB]"),
        c("graph any table", d -> d.select(SurrealDSL.graph().out("wrote").outAny().as("w"))
                .from(SurrealDSL.table(new RecordId("person", "ann"))),
            "SELECT ->wrote->? AS w FROM ?",
            "[post:1]"),
        c("graph two hops", d -> d.select(NAME, SurrealDSL.graph().out("follows").out("person").out("follows").out("person").field("name").as("fof"))
                .from(PERSON).where(ID.eq(new RecordId("person", "ann"))),
            "SELECT name, ->follows->person->follows->person.name AS fof FROM person WHERE id = ?",
            "Ann,[Cid]"),
        c("graph recursion range", d -> d.select(SurrealDSL.graph().out("follows").out("person").recurse(1, 3).field("name").as("p"))
                .from(SurrealDSL.table(new RecordId("person", "ann"))),
            "SELECT @.{1..3}(->follows->person) AS p FROM ?",
            "[person:dee]"),
        c("graph collect unbounded", d -> d.select(SurrealDSL.graph().out("follows").out("person").collect().as("p"))
                .from(SurrealDSL.table(new RecordId("person", "bob"))),
            "SELECT @.{..+collect}(->follows->person) AS p FROM ?",
            "[person:cid, person:dee]"),
        c("graph in-direction reaches", d -> d.select(NAME).from(PERSON)
                .where(SurrealDSL.graph().in("follows").in("person").reaches(new RecordId("person", "ann"))),
            "SELECT name FROM person WHERE <-follows<-person CONTAINS ?",
            "Bob"),
        c("graph not exists", d -> d.select(ID).from(PERSON).where(not(SurrealDSL.graph().out("follows").exists())).orderBy(ID),
            "SELECT id FROM person WHERE !(array::len(->follows) > 0) ORDER BY id",
            "person:dee; person:eve"),
        c("graph count per record", d -> d.select(TITLE, SurrealDSL.function("array::len", Integer.class,
                    SurrealDSL.graph().in("likes").in("person")).as("likes")).from(POST).orderBy(TITLE),
            "SELECT title, array::len(<-likes<-person) AS likes FROM post ORDER BY title",
            "Graphs in SurrealDB,2; Vectors,0"),
        c("graph from a record link field", d -> d.select(SurrealDSL.graph(field(name("out"))).in("wrote").in("person").field("name").as("authors"))
                .from(LIKES).where(field(name("weight"), Integer.class).eq(3)),
            "SELECT (out)<-wrote<-person.name AS authors FROM likes WHERE weight = ?",
            "[Ann]"),
        // ------------------------------------------------------------------ more vector and full text
        c("knn hnsw with distance", d -> d.select(field(name("id")), SurrealDSL.knnDistance().as("dist")).from(DOC)
                .where(SurrealDSL.knn(EMB, 2, 40, List.of(1.0, 0.0, 0.0))).orderBy(field(name("dist"))),
            "SELECT id, vector::distance::knn() AS dist FROM doc WHERE emb <|2,40|> ? ORDER BY dist",
            "doc:1,0.0; doc:3,0.14142137441313676"),
        c("knn cosine with a filter (3.x filters first, 2.x after the k nearest)", d -> d.select(field(name("id"))).from(DOC)
                .where(SurrealDSL.knn(EMB, 1, Distance.COSINE, List.of(1.0, 0.0, 0.0)).and(field(name("id")).ne(SurrealDSL.recordId("doc", 1)))),
            "SELECT id FROM doc WHERE emb <|1,COSINE|> ? AND id != ?",
            "doc:3").on2(""),
        c("knn manhattan", d -> d.select(field(name("id"))).from(DOC)
                .where(SurrealDSL.knn(EMB, 2, Distance.MANHATTAN, List.of(0.0, 1.0, 0.0))).orderBy(field(name("id"))),
            "SELECT id FROM doc WHERE emb <|2,MANHATTAN|> ? ORDER BY id",
            "doc:2; doc:3"),
        c("vector distance function", d -> d.select(field(name("id")), round(SurrealDSL.vectorDistance(Distance.EUCLIDEAN, EMB, List.of(0.0, 0.0, 0.0)), 3).as("norm"))
                .from(DOC).orderBy(field(name("id"))),
            "SELECT id, math::fixed(vector::distance::euclidean(emb, ?), ?) AS norm FROM doc ORDER BY id",
            "doc:1,1.0; doc:2,1.0; doc:3,0.906"),
        c("full-text without a reference", d -> d.select(field(name("id"))).from(DOC).where(SurrealDSL.matches(BODY, "quick")).orderBy(field(name("id"))),
            "SELECT id FROM doc WHERE body @@ ? ORDER BY id",
            "doc:1; doc:3"),
        c("full-text offsets", d -> d.select(SurrealDSL.searchOffsets(1).as("o")).from(DOC).where(SurrealDSL.matches(BODY, 1, "book")),
            "SELECT search::offsets(1) AS o FROM doc WHERE body @1@ ?",
            "{0=[{e=33, s=29}]}"),
        c("full-text ranked by score", d -> d.select(field(name("id"))).from(DOC).where(SurrealDSL.matches(BODY, 1, "lazy"))
                .orderBy(SurrealDSL.searchScore(1).desc(), field(name("id"))),
            "SELECT id, search::score(1) AS _o2 FROM doc WHERE body @1@ ? ORDER BY _o2 DESC, id",
            "doc:1; doc:2"),
        c("full-text with an index hint", d -> SurrealDSL.select(d.select(field(name("id"))).from(DOC).where(SurrealDSL.matches(BODY, 1, "fox")))
                .withIndex("doc_body"),
            "SELECT id FROM doc WITH INDEX doc_body WHERE body @1@ ?",
            "doc:1"),
        // ------------------------------------------------------------------ more SurrealQL clauses
        c("select value only", d -> SurrealDSL.select(d.select(NAME).from(SurrealDSL.table(new RecordId("person", "cid")))).value().only(),
            "SELECT VALUE name FROM ONLY ?",
            "Cid"),
        c("explain full", d -> SurrealDSL.select(d.select(NAME).from(PERSON).where(NAME.eq("Bob"))).explainFull(),
            "SELECT name FROM person WHERE name = ? EXPLAIN FULL",
            null),
        c("fetch a record link", d -> SurrealDSL.select(d.select(field(name("out")), field(name("since"))).from(FOLLOWS)
                .where(field(name("since"), Integer.class).eq(2020))).fetch("out"),
            "SELECT out, since FROM follows WHERE since = ? FETCH out",
            "{address={city=Bergen}, age=25, born=1999-12-24T10:30:00Z, city=Bergen, id=person:bob, name=Bob, score=6.0, tags=[b]},2020"),
        c("split (2.x drops a record whose array is empty)", d -> SurrealDSL.select(d.select(NAME, SurrealDSL.path("tags")).from(PERSON).where(CITY.ne("Tromso")).orderBy(NAME)).split("tags"),
            "SELECT name, tags FROM person WHERE city != ? AND city IS NOT NONE AND city IS NOT NULL SPLIT tags ORDER BY name",
            "null,null; Ann,a; Ann,b; Bob,b; Cid,[]").on2("null,null; Ann,a; Ann,b; Bob,b"),
        c("timeout", d -> SurrealDSL.select(d.select(count()).from(PERSON)).timeout(Duration.ofMillis(1500)),
            "SELECT count() AS `count` FROM person GROUP ALL TIMEOUT 1s500ms",
            "5"),
        c("omit on a selectFrom", d -> d.select(asterisk().except(EMB)).from(DOC).where(field(name("id")).eq(SurrealDSL.recordId("doc", 2))),
            "SELECT * OMIT emb FROM doc WHERE id = ?",
            "doc:2,A lazy afternoon with a good book")
    );

    /**
     * Read-only cases that only SurrealDB 2.x has: {@code v3} is null (rendering them for 3.x fails, which
     * {@code CorpusTest} checks), {@code v2} the 2.x rendering.
     */
    static final List<Case> ONLY_V2 = List.of(
        new Case("parallel (2.x only)", d -> SurrealDSL.select(d.select(NAME).from(PERSON).where(CITY.eq("Oslo")).orderBy(NAME)).parallel(),
            null, "SELECT name FROM person WHERE city = ? ORDER BY name PARALLEL", "Ann; Cid", null),
        new Case("knn without ef or distance: the M-tree form (2.x only; finds nothing through an HNSW index)",
            d -> d.select(field(name("id"))).from(DOC).where(SurrealDSL.knn(EMB, 1, List.of(1.0, 0.0, 0.0))),
            null, "SELECT id FROM doc WHERE emb <|1|> ?", "", null),
        new Case("define index defer (2.x only)", d -> SurrealDDL.defineIndex("person_name_deferred", "person").fields("name").defer(),
            null, "DEFINE INDEX person_name_deferred ON person FIELDS name DEFER", "", null)
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
            "UPDATE (SELECT VALUE id FROM t_ins WHERE s = ?) SET n = (IF type::is_number(n) { n + ? } ELSE { NULL }) RETURN n",
            "UPDATE t_ins SET n = (IF type::is::number(n) { n + ? } ELSE { NULL }) WHERE s = ? RETURN n",
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
            ""),
        // ------------------------------------------------------------------ more INSERT
        c("insert set syntax", d -> d.insertInto(T_INS).set(N, 10).set(S, "ten").returning(N, S),
            "INSERT INTO t_ins {n: ?, s: ?} RETURN n, s",
            "10,ten"),
        c("insert default values", d -> d.insertInto(T_INS2).defaultValues(),
            "INSERT INTO t_ins2 {} RETURN id",
            "count=1"),
        c("on duplicate key update with a value", d -> d.insertInto(T_INS, ID, N, S).values(new RecordId("t_ins", "x"), 0, "ignored")
                .onDuplicateKeyUpdate().set(S, "dup").returning(N, S),
            "INSERT INTO t_ins {id: ?, n: ?, s: ?} ON DUPLICATE KEY UPDATE s = ? RETURN n, s",
            "6,dup"),
        c("on duplicate key update from the old and new values", d -> d.insertInto(T_INS, ID, N).values(new RecordId("t_ins", "x"), 10)
                .onDuplicateKeyUpdate().set(N, N.plus(excluded(N))).returning(N, S),
            "INSERT INTO t_ins {id: ?, n: ?} ON DUPLICATE KEY UPDATE n = (IF type::is_number(@.n) { @.n + $input.n } ELSE { NULL }) RETURN n, s",
            "INSERT INTO t_ins {id: ?, n: ?} ON DUPLICATE KEY UPDATE n = (IF type::is::number(n) { n + $input.n } ELSE { NULL }) RETURN n, s",
            "16,dup"),
        c("on conflict do update", d -> d.insertInto(T_INS, ID, N, S).values(new RecordId("t_ins", "x"), 1, "c")
                .onConflict(ID).doUpdate().set(S, excluded(S)).returning(N, S),
            "INSERT INTO t_ins {id: ?, n: ?, s: ?} ON DUPLICATE KEY UPDATE s = $input.s RETURN n, s",
            "16,c"),
        c("insert several rows, one a duplicate", d -> d.insertInto(T_INS, ID, N, S).values(new RecordId("t_ins", "x"), 1, "m")
                .values(new RecordId("t_ins", "y"), 2, "new").onDuplicateKeyUpdate().set(S, val("merged")).returning(ID, S),
            "INSERT INTO t_ins [{id: ?, n: ?, s: ?}, {id: ?, n: ?, s: ?}] ON DUPLICATE KEY UPDATE s = ? RETURN id, s",
            "t_ins:x,merged; t_ins:y,new"),
        // ------------------------------------------------------------------ UPSERT / MERGE / CONTENT / REPLACE / PATCH / UNSET
        c("upsert set on a new record", d -> SurrealDSL.upsert(new RecordId("t_ups", 1)).set(N, 1).set(S, "a").returnAfter(),
            "UPSERT ? SET n = ?, s = ? RETURN AFTER",
            "t_ups:1,1,a"),
        c("upsert content", d -> SurrealDSL.upsert(new RecordId("t_ups", 2)).content(Fixture.map("n", 2, "s", "b")).returning(ID, N, S),
            "UPSERT ? CONTENT ? RETURN id, n, s",
            "t_ups:2,2,b"),
        c("upsert a table with where", d -> SurrealDSL.upsert("t_ups").set(S, "c").where(N.eq(2)).returning(ID, S),
            "UPSERT t_ups SET s = ? WHERE n = ? RETURN id, s",
            "t_ups:2,c"),
        c("update merge", d -> SurrealDSL.update(new RecordId("t_ups", 1)).merge(Fixture.map("extra", true)).returning(N, S, field(name("extra"))),
            "UPDATE ? MERGE ? RETURN n, s, extra",
            "1,a,true"),
        c("update replace", d -> SurrealDSL.update(new RecordId("t_ups", 1)).replace(Fixture.map("n", 11)).returning(N, S, field(name("extra"))),
            "UPDATE ? REPLACE ? RETURN n, s, extra",
            "11,null,null"),
        c("update patch", d -> SurrealDSL.update(new RecordId("t_ups", 1))
                .patch(List.of(Fixture.map("op", "add", "path", "/s", "value", "patched"))).returning(N, S),
            "UPDATE ? PATCH ? RETURN n, s",
            "11,patched"),
        c("update unset", d -> SurrealDSL.update(new RecordId("t_ups", 1)).unset(S).returning(N, S),
            "UPDATE ? UNSET s RETURN n, s",
            "11,null"),
        c("update return before", d -> SurrealDSL.update(new RecordId("t_ups", 2)).set(N, 20).returnBefore(),
            "UPDATE ? SET n = ? RETURN BEFORE",
            "t_ups:2,2,c"),
        c("update return none", d -> SurrealDSL.update("t_ups").set(S, "z").where(N.gt(100)).returnNone(),
            "UPDATE t_ups SET s = ? WHERE n > ? RETURN NONE",
            ""),
        c("update with a timeout", d -> SurrealDSL.update("t_ups").set(N, N.plus(1)).where(S.eq("c")).timeout(Duration.ofSeconds(2)).returning(N),
            "UPDATE (SELECT VALUE id FROM t_ups WHERE s = ?) SET n = (IF type::is_number(n) { n + ? } ELSE { NULL }) RETURN n TIMEOUT 2s",
            "UPDATE t_ups SET n = (IF type::is::number(n) { n + ? } ELSE { NULL }) WHERE s = ? RETURN n TIMEOUT 2s",
            "21"),
        c("create only", d -> SurrealDSL.create(new RecordId("t_ups", 3)).only().set(N, 3).returning(ID, N),
            "CREATE ONLY ? SET n = ? RETURN id, n",
            "t_ups:3,3"),
        c("create content on a table", d -> SurrealDSL.create("t_ups").content(Fixture.map("n", 4, "s", "d")).returning(N, S),
            "CREATE t_ups CONTENT ? RETURN n, s",
            "4,d"),
        c("jooq update returning", d -> d.update(T_UPS).set(S, "e").where(N.eq(4)).returning(N, S),
            "UPDATE t_ups SET s = ? WHERE n = ? RETURN n, s",
            "4,e"),
        c("jooq update of a record", d -> d.update(SurrealDSL.table(new RecordId("t_ups", 3))).set(S, "three"),
            "UPDATE ? SET s = ? RETURN id",
            "count=1"),
        c("select the upserted", d -> d.select(N, S).from(T_UPS).where(field(name("id")).ne(SurrealDSL.recordId("t_ups", 1))).orderBy(N),
            "SELECT n, s FROM t_ups WHERE id != ? ORDER BY n",
            "3,three; 4,e; 21,c"),
        c("delete return none", d -> SurrealDSL.delete("t_ups").where(N.gt(10)).returnNone(),
            "DELETE t_ups WHERE n > ? RETURN NONE",
            ""),
        c("jooq delete of a record", d -> d.deleteFrom(SurrealDSL.table(new RecordId("t_ups", 3))),
            "DELETE ? RETURN $before.id AS id",
            "count=1"),
        c("count what is left", d -> d.selectCount().from(T_UPS),
            "SELECT count() AS `count` FROM t_ups GROUP ALL",
            "1"),
        // ------------------------------------------------------------------ more DDL
        c("define table if not exists, schemafull, permissions", d -> SurrealDDL.defineTable("t_sch").ifNotExists().schemafull().permissionsFull(),
            "DEFINE TABLE IF NOT EXISTS t_sch SCHEMAFULL PERMISSIONS FULL",
            ""),
        c("define field flexible readonly with default", d -> SurrealDDL.defineField("meta", "t_sch").type("object").flexible()
                .defaultValue(Fixture.map("v", 1)).readonly(),
            "DEFINE FIELD meta ON t_sch TYPE object FLEXIBLE DEFAULT {v: 1} READONLY",
            ""),
        c("define field value", d -> SurrealDDL.defineField("email", "t_sch").type("option<string>").value("string::lowercase($value)"),
            "DEFINE FIELD email ON t_sch TYPE option<string> VALUE string::lowercase($value)",
            ""),
        c("define field default always", d -> SurrealDDL.defineField("touched", "t_sch").type("int").defaultExpression("1").defaultAlways(),
            "DEFINE FIELD touched ON t_sch TYPE int DEFAULT ALWAYS 1",
            ""),
        c("define field permissions", d -> SurrealDDL.defineField("secret", "t_sch").type("option<string>").permissions("FOR select NONE"),
            "DEFINE FIELD secret ON t_sch TYPE option<string> PERMISSIONS FOR select NONE",
            ""),
        c("define function", d -> SurrealDDL.defineFunction("greet").arg("name", "string").returns("string").body("RETURN 'Hi ' + $name;"),
            "DEFINE FUNCTION fn::greet($name: string) -> string { RETURN 'Hi ' + $name; }",
            ""),
        c("define event", d -> SurrealDDL.defineEvent("sch_audit", "t_sch").when(SurrealDDL.EVENT.eq("CREATE"))
                .then(SurrealDSL.create("t_log").set("msg", SurrealDSL.idiom("fn::greet($after.email)"))),
            "DEFINE EVENT sch_audit ON t_sch WHEN $event = 'CREATE' THEN { CREATE t_log SET msg = fn::greet($after.email); }",
            ""),
        c("write through the field clauses and the event", d -> SurrealDSL.create(new RecordId("t_sch", 1)).set("email", "ANN@X.NO")
                .set("secret", "s").returning(field(name("email")), field(name("meta")), field(name("touched"))),
            "CREATE ? SET email = ?, secret = ? RETURN email, meta, touched",
            "ann@x.no,{v=1},1"),
        c("read what the event wrote", d -> d.select(field(name("msg"))).from(table(name("t_log"))),
            "SELECT msg FROM t_log",
            "Hi ann@x.no"),
        c("call a defined function", d -> d.select(SurrealDSL.function("fn::greet", String.class, val("Bob")).as("g")),
            "SELECT fn::greet(?) AS g FROM [{}]",
            "Hi Bob"),
        c("define event async (3.x)", d -> SurrealDDL.defineEvent("sch_async", "t_sch").async(2).then("CREATE t_log SET msg = 'async'"),
            "DEFINE EVENT sch_async ON t_sch ASYNC RETRY 2 THEN { CREATE t_log SET msg = 'async'; }", NOT_ON_2, ""),
        c("define analyzer", d -> SurrealDDL.defineAnalyzer("english").tokenizers("class", "blank").filters("lowercase", "ascii", "snowball(english)"),
            "DEFINE ANALYZER english TOKENIZERS class, blank FILTERS lowercase, ascii, snowball(english)",
            ""),
        c("define analyzer edgengram", d -> SurrealDDL.defineAnalyzer("autocomplete").tokenizers("class").filters("lowercase", "edgengram(2, 10)"),
            "DEFINE ANALYZER autocomplete TOKENIZERS class FILTERS lowercase, edgengram(2, 10)",
            ""),
        c("define full-text index", d -> SurrealDDL.defineIndex("sch_email", "t_sch").fields("email").fulltext("autocomplete").bm25(1.2, 0.75).highlights(),
            "DEFINE INDEX sch_email ON t_sch FIELDS email FULLTEXT ANALYZER autocomplete BM25(1.2, 0.75) HIGHLIGHTS",
            "DEFINE INDEX sch_email ON t_sch FIELDS email SEARCH ANALYZER autocomplete BM25(1.2, 0.75) HIGHLIGHTS",
            ""),
        c("define field of vectors", d -> SurrealDDL.defineField("vec", "t_sch").type("option<array<float>>"),
            "DEFINE FIELD vec ON t_sch TYPE option<array<float>>",
            ""),
        c("define hnsw index with all options", d -> SurrealDDL.defineIndex("sch_vec", "t_sch").fields("vec").hnsw(4).dist(Distance.COSINE)
                .vectorType("F32").efc(150).m(12),
            "DEFINE INDEX sch_vec ON t_sch FIELDS vec HNSW DIMENSION 4 TYPE F32 DIST COSINE EFC 150 M 12",
            ""),
        c("define index concurrently", d -> SurrealDDL.defineIndex("sch_touched", "t_sch").fields("touched").comment("bg").concurrently(),
            "DEFINE INDEX sch_touched ON t_sch FIELDS touched COMMENT 'bg' CONCURRENTLY",
            ""),
        c("define count index (3.x)", d -> SurrealDDL.defineIndex("sch_count", "t_sch").count(),
            "DEFINE INDEX sch_count ON t_sch COUNT", NOT_ON_2, ""),
        c("define unique index on two fields", d -> SurrealDDL.defineIndex("sch_uniq", "t_sch").fields("email", "touched").unique(),
            "DEFINE INDEX sch_uniq ON t_sch FIELDS email, touched UNIQUE",
            ""),
        c("define relation table", d -> SurrealDDL.defineTable("t_rel").typeRelation("person", "post").enforced().schemaless(),
            "DEFINE TABLE t_rel SCHEMALESS TYPE RELATION IN person OUT post ENFORCED",
            ""),
        c("define view", d -> SurrealDDL.defineTable("t_city_view").as(select(CITY, count().as("n")).from(PERSON).groupBy(CITY)),
            "DEFINE TABLE t_city_view AS SELECT city, count() AS n FROM person GROUP BY city",
            ""),
        c("read the view", d -> d.select(CITY, field(name("n"))).from(table(name("t_city_view"))).orderBy(CITY),
            "SELECT city, n FROM t_city_view ORDER BY city",
            "Bergen,2; Oslo,2; Tromso,1"),
        c("define table overwrite, drop", d -> SurrealDDL.defineTable("t_drop").overwrite().drop().comment("sink"),
            "DEFINE TABLE OVERWRITE t_drop DROP COMMENT 'sink'",
            ""),
        c("define access record", d -> SurrealDDL.defineAccess("acc_user").record()
                .signup("CREATE t_sch SET email = $email").signin("SELECT * FROM t_sch WHERE email = $email")
                .tokenDuration(Duration.ofMinutes(15)).sessionDuration(Duration.ofHours(12)),
            "DEFINE ACCESS acc_user ON DATABASE TYPE RECORD SIGNUP (CREATE t_sch SET email = $email) SIGNIN (SELECT * FROM t_sch WHERE email = $email) DURATION FOR TOKEN 15m, FOR SESSION 12h",
            ""),
        c("define access jwt", d -> SurrealDDL.defineAccess("acc_api").jwt("HS512", "secret-key"),
            "DEFINE ACCESS acc_api ON DATABASE TYPE JWT ALGORITHM HS512 KEY 'secret-key'",
            ""),
        c("remove event", d -> SurrealDDL.removeEvent("sch_audit", "t_sch"),
            "REMOVE EVENT sch_audit ON t_sch",
            ""),
        c("remove index", d -> SurrealDDL.removeIndex("sch_email", "t_sch"),
            "REMOVE INDEX sch_email ON t_sch",
            ""),
        c("remove analyzer", d -> SurrealDDL.removeAnalyzer("autocomplete"),
            "REMOVE ANALYZER autocomplete",
            ""),
        c("remove field", d -> SurrealDDL.removeField("secret", "t_sch"),
            "REMOVE FIELD secret ON t_sch",
            ""),
        c("remove function", d -> SurrealDDL.removeFunction("fn::greet"),
            "REMOVE FUNCTION fn::greet",
            ""),
        c("remove access", d -> SurrealDDL.removeAccess("acc_api"),
            "REMOVE ACCESS acc_api ON DATABASE",
            ""),
        c("remove table if exists", d -> SurrealDDL.removeTable("t_drop").ifExists(),
            "REMOVE TABLE IF EXISTS t_drop",
            "")
    );
}
