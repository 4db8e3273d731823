package dev.surrealj.jooq;

import dev.surrealj.value.Geometry;
import dev.surrealj.value.RecordId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DataType;
import org.jooq.impl.SQLDataType;

/**
 * jOOQ data types for SurrealDB values. Values of these types go to and come from the driver unchanged
 * ({@code setObject}/{@code getObject(i, type)}), so the driver's value model applies: record ids as
 * {@link RecordId}, datetimes as {@link Instant}, durations, geometries, nested objects as maps.
 *
 * <pre>{@code
 * Field<RecordId> ID = DSL.field(DSL.name("id"), SurrealDataTypes.RECORD_ID);
 * Field<Map<String, Object>> ADDRESS = DSL.field(DSL.name("address"), SurrealDataTypes.OBJECT);
 * Field<Instant> CREATED = DSL.field(DSL.name("created"), SurrealDataTypes.DATETIME);
 * Field<Address> ADDR = DSL.field(DSL.name("address"), SurrealDataTypes.object(Address.class)); // a Java record
 * }</pre>
 */
public final class SurrealDataTypes {
    private SurrealDataTypes() {
    }

    /** A record id ({@code table:key}). */
    public static final DataType<RecordId> RECORD_ID = of(RecordId.class);
    /** A datetime, as an {@link Instant}. */
    public static final DataType<Instant> DATETIME = of(Instant.class);
    /** A duration. */
    public static final DataType<Duration> DURATION = of(Duration.class);
    /** A UUID. */
    public static final DataType<UUID> UUID_TYPE = of(UUID.class);
    /** A geometry (point, line, polygon …). */
    public static final DataType<Geometry> GEOMETRY = of(Geometry.class);
    /** Any value, as the driver decodes it. */
    public static final DataType<Object> ANY = of(Object.class);
    /** A nested object, as an insertion-ordered map. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static final DataType<Map<String, Object>> OBJECT = (DataType) of(Map.class);
    /** An array, as a list. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static final DataType<List<Object>> ARRAY = (DataType) of(List.class);

    /** A SurrealDB value read and written through the driver as {@code type}. */
    public static <T> DataType<T> of(Class<T> type) {
        return SQLDataType.OTHER.asConvertedDataType(new PassthroughBinding<>(type));
    }

    /**
     * A nested object mapped to a Java record or bean {@code type}: read from the driver's map by component /
     * property name, written as a map.
     */
    public static <T> DataType<T> object(Class<T> type) {
        return SQLDataType.OTHER.asConvertedDataType(new ObjectBinding<>(type));
    }
}
