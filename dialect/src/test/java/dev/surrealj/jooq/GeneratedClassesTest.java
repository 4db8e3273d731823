package dev.surrealj.jooq;

import static dev.surrealj.jooq.generated.Tables.AUTHOR;
import static dev.surrealj.jooq.generated.Tables.BOOK;
import static org.jooq.impl.DSL.avg;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.surrealj.jooq.generated.Keys;
import dev.surrealj.jooq.generated.tables.records.AuthorRecord;
import dev.surrealj.jooq.generated.tables.records.BookRecord;
import dev.surrealj.testing.SurrealExtension;
import dev.surrealj.testing.SurrealTestDb;
import dev.surrealj.value.GeometryPoint;
import dev.surrealj.value.RecordId;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Typed jOOQ on the classes jOOQ's code generator produced from a SurrealDB schema over the driver
 * ({@code dev.surrealj.jooq.generated}, kept in sync with the generator by {@link CodegenTest}).
 */
@ExtendWith(SurrealExtension.class)
class GeneratedClassesTest {
    private static Connection connection;
    private static DSLContext dsl;
    private static final RecordId LE_GUIN = new RecordId("author", "le_guin");
    private static final RecordId BUTLER = new RecordId("author", "butler");

    @BeforeAll
    static void setUp(SurrealTestDb db) throws Exception {
        connection = Fixture.connect(db);
        dsl = SurrealDSL.using(connection);
        CodegenTest.defineSchema(dsl);
        UUID uid = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
        dsl.insertInto(AUTHOR, AUTHOR.ID, AUTHOR.NAME, AUTHOR.BORN, AUTHOR.UID, AUTHOR.HOME)
                .values(LE_GUIN, "Ursula K. Le Guin", Instant.parse("1929-10-21T00:00:00Z"), uid,
                        new GeometryPoint(-122.68, 45.52))
                .values(BUTLER, "Octavia E. Butler", null, null, null).execute();
        dsl.insertInto(BOOK, BOOK.TITLE, BOOK.PAGES, BOOK.PRICE, BOOK.AUTHOR, BOOK.TAGS, BOOK.READING_TIME)
                .values("A Wizard of Earthsea", 183L, new BigDecimal("8.99"), LE_GUIN, List.of("fantasy"), Duration.ofHours(4))
                .values("The Dispossessed", 387L, new BigDecimal("11.50"), LE_GUIN, List.of("sf", "utopia"), null)
                .values("Kindred", 264L, null, BUTLER, List.of("sf"), Duration.ofHours(6)).execute();
    }

    @AfterAll
    static void close() throws Exception {
        connection.close();
    }

    @Test
    void typedSelect() {
        Result<BookRecord> long_ = dsl.selectFrom(BOOK).where(BOOK.PAGES.gt(200L)).orderBy(BOOK.TITLE).fetch();
        assertEquals(List.of("Kindred", "The Dispossessed"), long_.map(BookRecord::getTitle));
        BookRecord dispossessed = long_.get(1);
        assertEquals(387L, dispossessed.getPages());
        assertEquals(0, new BigDecimal("11.50").compareTo(dispossessed.getPrice()), "SurrealDB normalises 11.50 to 11.5");
        assertEquals(LE_GUIN, dispossessed.getAuthor());
        assertEquals(List.of("sf", "utopia"), dispossessed.getTags());
        assertEquals(true, dispossessed.getInPrint(), "the field's DEFAULT");
        assertEquals("book", dispossessed.getId().table());
        assertNull(dispossessed.getReadingTime());

        Record2<String, BigDecimal> r = dsl.select(BOOK.TITLE, BOOK.PRICE).from(BOOK)
                .where(BOOK.READING_TIME.eq(Duration.ofHours(4))).fetchOne();
        assertEquals("A Wizard of Earthsea", r.value1());
        assertEquals(0, new BigDecimal("8.99").compareTo(r.value2()));
    }

    @Test
    void surrealValueTypes() {
        AuthorRecord a = dsl.selectFrom(AUTHOR).where(AUTHOR.ID.eq(LE_GUIN)).fetchOne();
        assertEquals("Ursula K. Le Guin", a.getName());
        assertEquals(Instant.parse("1929-10-21T00:00:00Z"), a.getBorn());
        assertEquals(UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"), a.getUid());
        assertEquals(new GeometryPoint(-122.68, 45.52), a.getHome());
        assertEquals(1, dsl.fetchCount(AUTHOR, AUTHOR.UID.eq(a.getUid())));
    }

    @Test
    void foreignKeyAsSubqueryAndAggregates() {
        // the generated foreign key: book.author -> author.id (a record link); no JOIN in SurrealQL, a subquery
        assertEquals(AUTHOR, Keys.BOOK_AUTHOR_FKEY.getKey().getTable());
        List<String> byLeGuin = dsl.select(BOOK.TITLE).from(BOOK)
                .where(BOOK.AUTHOR.in(select(AUTHOR.ID).from(AUTHOR).where(AUTHOR.NAME.startsWith("Ursula"))))
                .orderBy(BOOK.TITLE).fetch(BOOK.TITLE);
        assertEquals(List.of("A Wizard of Earthsea", "The Dispossessed"), byLeGuin);

        Map<RecordId, Integer> counts = dsl.select(BOOK.AUTHOR, count()).from(BOOK).groupBy(BOOK.AUTHOR)
                .fetchMap(BOOK.AUTHOR, count());
        assertEquals(Map.of(LE_GUIN, 2, BUTLER, 1), counts);
        assertEquals(285.0, dsl.select(avg(BOOK.PAGES)).from(BOOK).where(BOOK.AUTHOR.eq(LE_GUIN)).fetchOne(0, Double.class));

        // a graph-free traversal of the link: SELECT author.name … (the record link's field)
        assertEquals("Octavia E. Butler", dsl.select(SurrealDSL.path("author.name", String.class)).from(BOOK)
                .where(BOOK.TITLE.eq("Kindred")).fetchOne(0, String.class));
    }

    @Test
    void updatableRecords() {
        AuthorRecord jemisin = dsl.newRecord(AUTHOR);
        jemisin.setId(new RecordId("author", "jemisin"));
        jemisin.setName("N. K. Jemisin");
        assertEquals(1, jemisin.store());
        BookRecord fifth = dsl.newRecord(BOOK);
        fifth.setId(new RecordId("book", "fifth_season"));
        fifth.setTitle("The Fifth Season");
        fifth.setPages(468L);
        fifth.setAuthor(jemisin.getId());
        fifth.setTags(List.of("fantasy"));
        assertEquals(1, fifth.store());

        BookRecord read = dsl.fetchOne(BOOK, BOOK.ID.eq(new RecordId("book", "fifth_season")));
        assertEquals("The Fifth Season", read.getTitle());
        read.setPrice(new BigDecimal("9.99"));
        assertEquals(1, read.store());
        assertEquals(0, new BigDecimal("9.99").compareTo(dsl.fetchValue(select(BOOK.PRICE).from(BOOK).where(BOOK.TITLE.eq("The Fifth Season")))));

        assertEquals(1, read.delete());
        assertEquals(1, jemisin.delete());
        assertEquals(0, dsl.fetchCount(BOOK, BOOK.TITLE.eq("The Fifth Season")));
    }
}
