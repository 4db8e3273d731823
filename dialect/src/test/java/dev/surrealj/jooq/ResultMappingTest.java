package dev.surrealj.jooq;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surrealj.testing.SurrealExtension;
import dev.surrealj.testing.SurrealTestDb;
import dev.surrealj.value.Geometry;
import dev.surrealj.value.GeometryPoint;
import dev.surrealj.value.RecordId;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.Result;
import org.jooq.TableField;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jooq.impl.TableImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Results into jOOQ records, Java records and POJOs; SurrealDB values through the data types. */
@ExtendWith(SurrealExtension.class)
class ResultMappingTest {
    private static Connection connection;
    private static DSLContext dsl;

    /** A hand-written table in the shape jOOQ's code generator produces. */
    static final class Place extends TableImpl<Record> {
        private static final long serialVersionUID = 1L;
        static final Place PLACE = new Place();

        final TableField<Record, RecordId> ID = createField(name("id"), SurrealDataTypes.RECORD_ID);
        final TableField<Record, String> NAME = createField(name("name"), SQLDataType.VARCHAR);
        final TableField<Record, Instant> OPENED = createField(name("opened"), SurrealDataTypes.DATETIME);
        final TableField<Record, Geometry> LOCATION = createField(name("location"), SurrealDataTypes.GEOMETRY);
        final TableField<Record, Duration> OPEN_FOR = createField(name("open_for"), SurrealDataTypes.DURATION);
        final TableField<Record, UUID> TOKEN = createField(name("token"), SurrealDataTypes.UUID_TYPE);
        final TableField<Record, Address> ADDRESS = createField(name("address"), SurrealDataTypes.object(Address.class));
        final TableField<Record, Map<String, Object>> META = createField(name("meta"), SurrealDataTypes.OBJECT);
        final TableField<Record, List<Object>> TAGS = createField(name("tags"), SurrealDataTypes.ARRAY);
        final TableField<Record, Integer> RATING = createField(name("rating"), SQLDataType.INTEGER);

        private Place() {
            super(name("place"));
        }
    }

    record Address(String street, String city, Integer zip) {
    }

    record PlaceRow(RecordId id, String name, Instant opened, Geometry location, Duration openFor, UUID token,
            Address address, Map<String, Object> meta, List<Object> tags, Integer rating) {
    }

    /** A bean, filled through setters. */
    public static final class PlaceBean {
        private String name;
        private Integer rating;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public Integer getRating() {
            return rating;
        }

        public void setRating(Integer rating) {
            this.rating = rating;
        }
    }

    private static final Place P = Place.PLACE;
    private static final Instant OPENED = Instant.parse("2021-06-01T08:30:00.123456789Z");
    private static final UUID TOKEN = UUID.fromString("0190d8a3-6c4c-7d1e-9a2b-3c4d5e6f7a8b");

    @BeforeAll
    static void setUp(SurrealTestDb db) throws Exception {
        connection = Fixture.connect(db);
        dsl = SurrealDSL.using(connection);
        // written through jOOQ: every value bound and converted by the driver
        dsl.insertInto(P, P.ID, P.NAME, P.OPENED, P.LOCATION, P.OPEN_FOR, P.TOKEN, P.ADDRESS, P.META, P.TAGS, P.RATING)
                .values(new RecordId("place", "cafe"), "Café ⟨1⟩", OPENED, new GeometryPoint(10.75, 59.91),
                        Duration.ofHours(9).plusMinutes(30), TOKEN, new Address("Storgata 1", "Oslo", 150),
                        Map.of("wifi", true), List.of("coffee", "cake"), 4)
                .values(new RecordId("place", 42L), "Bar", null, null, null, null, null, null, List.of(), null)
                .execute();
    }

    @AfterAll
    static void close() throws Exception {
        connection.close();
    }

    @Test
    void typedTableIntoJavaRecords() {
        List<PlaceRow> rows = dsl.selectFrom(P).orderBy(P.NAME.desc()).fetchInto(PlaceRow.class);
        assertEquals(2, rows.size());
        PlaceRow cafe = rows.get(0);
        assertEquals(new RecordId("place", "cafe"), cafe.id());
        assertEquals("Café ⟨1⟩", cafe.name());
        assertEquals(OPENED, cafe.opened());
        assertEquals(new GeometryPoint(10.75, 59.91), cafe.location());
        assertEquals(Duration.ofMinutes(570), cafe.openFor());
        assertEquals(TOKEN, cafe.token());
        assertEquals(new Address("Storgata 1", "Oslo", 150), cafe.address());
        assertEquals(Map.of("wifi", true), cafe.meta());
        assertEquals(List.of("coffee", "cake"), cafe.tags());
        assertEquals(4, cafe.rating());
        PlaceRow bar = rows.get(1);
        assertEquals(new RecordId("place", 42L), bar.id());
        assertNull(bar.opened());
        assertNull(bar.address());
        assertNull(bar.rating());
    }

    @Test
    void jooqRecordsAndValues() {
        Result<Record2<String, Integer>> r = dsl.select(P.NAME, P.RATING).from(P).where(P.RATING.isNotNull()).fetch();
        assertEquals("Café ⟨1⟩", r.get(0).value1());
        assertEquals(4, r.get(0).value2());
        assertEquals(2, dsl.fetchCount(P));
        assertEquals("Oslo", dsl.select(field(name("address", "city"), String.class)).from(P)
                .where(P.ID.eq(new RecordId("place", "cafe"))).fetchOne(0, String.class));
        Map<RecordId, String> byId = dsl.select(P.ID, P.NAME).from(P).fetchMap(P.ID, P.NAME);
        assertEquals("Bar", byId.get(new RecordId("place", 42L)));
        assertTrue(dsl.fetchExists(P, P.NAME.eq("Bar")));
    }

    @Test
    void beans() {
        List<PlaceBean> beans = dsl.select(P.NAME, P.RATING).from(P).orderBy(P.NAME).fetchInto(PlaceBean.class);
        assertEquals("Bar", beans.get(0).getName());
        assertNull(beans.get(0).getRating());
        assertEquals(4, beans.get(1).getRating());
    }

    @Test
    void untypedSelectUsesTheDriversColumns() {
        Record r = dsl.selectFrom(DSL.table(name("place"))).where(field(name("name")).eq("Bar")).fetchOne();
        assertEquals(new RecordId("place", 42L), r.get("id"));
        assertEquals(List.of(), r.get("tags"));
    }

    @Test
    void returningAllFieldsOfATypedTable() {
        Record r = dsl.insertInto(P, P.ID, P.NAME).values(new RecordId("place", "tmp"), "Tmp").returning().fetchOne();
        assertEquals("Tmp", r.get(P.NAME));
        assertEquals(new RecordId("place", "tmp"), r.get(P.ID));
        assertEquals(1, dsl.deleteFrom(P).where(P.ID.eq(new RecordId("place", "tmp"))).execute());
    }

    @Test
    void graphFieldsAsLists() {
        Field<Object> g = SurrealDSL.graph().out("near").out("place").field("name").as("near");
        SurrealDSL.relate(new RecordId("place", "cafe"), "near", new RecordId("place", 42L)).execute(dsl);
        Object near = dsl.select(g).from(P).where(P.ID.eq(new RecordId("place", "cafe"))).fetchOne(0);
        assertEquals(List.of("Bar"), near);
    }
}
