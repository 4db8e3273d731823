package dev.surrealj.jooq;

import dev.surrealj.value.Geometry;
import dev.surrealj.value.RecordId;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Binding;
import org.jooq.BindingGetResultSetContext;
import org.jooq.BindingGetSQLInputContext;
import org.jooq.BindingGetStatementContext;
import org.jooq.BindingRegisterContext;
import org.jooq.BindingSQLContext;
import org.jooq.BindingSetSQLOutputContext;
import org.jooq.BindingSetStatementContext;
import org.jooq.Converter;

/**
 * The bindings of {@link SurrealDataTypes} as named classes, for jOOQ's code generator ({@code <forcedType>}
 * {@code <binding>}): values go to and come from the driver unchanged, so record ids are {@link RecordId},
 * datetimes {@link Instant}, objects maps and arrays lists. See the README's "Code generation" section.
 *
 * <pre>{@code
 * <forcedType>
 *   <userType>dev.surrealj.value.RecordId</userType>
 *   <binding>dev.surrealj.jooq.SurrealBindings.RecordIdBinding</binding>
 *   <includeTypes>record.*</includeTypes>
 * </forcedType>
 * }</pre>
 */
public final class SurrealBindings {
    private SurrealBindings() {
    }

    /**
     * A binding handing values of type {@code T} to the driver as they are ({@code setObject},
     * {@code getObject(i, T)}).
     *
     * @param <D> the type of the column's jOOQ data type ({@code Object} for SurrealDB-only types)
     * @param <T> the Java type
     */
    public abstract static class Base<D, T> implements Binding<D, T> {
        private static final long serialVersionUID = 1L;
        private final PassthroughBinding<T> delegate;

        /** A binding for values of {@code type}. */
        protected Base(Class<T> type) {
            this.delegate = new PassthroughBinding<>(type);
        }

        /** The binding's own conversion (what the driver returns is already {@code T}). */
        final Converter<Object, T> passthroughConverter() {
            return delegate.converter();
        }

        @Override
        public void sql(BindingSQLContext<T> ctx) throws SQLException {
            delegate.sql(ctx);
        }

        @Override
        public void register(BindingRegisterContext<T> ctx) throws SQLException {
            delegate.register(ctx);
        }

        @Override
        public void set(BindingSetStatementContext<T> ctx) throws SQLException {
            delegate.set(ctx);
        }

        @Override
        public void set(BindingSetSQLOutputContext<T> ctx) throws SQLException {
            delegate.set(ctx);
        }

        @Override
        public void get(BindingGetResultSetContext<T> ctx) throws SQLException {
            delegate.get(ctx);
        }

        @Override
        public void get(BindingGetStatementContext<T> ctx) throws SQLException {
            delegate.get(ctx);
        }

        @Override
        public void get(BindingGetSQLInputContext<T> ctx) throws SQLException {
            delegate.get(ctx);
        }
    }

    /** A binding for a SurrealDB type jOOQ does not know (its data type is {@code OTHER}). */
    public abstract static class Passthrough<T> extends Base<Object, T> {
        private static final long serialVersionUID = 1L;

        /** A binding for values of {@code type}. */
        protected Passthrough(Class<T> type) {
            super(type);
        }

        @Override
        public Converter<Object, T> converter() {
            return passthroughConverter();
        }
    }

    /** {@code record<…>}: a {@link RecordId}. */
    public static final class RecordIdBinding extends Passthrough<RecordId> {
        private static final long serialVersionUID = 1L;

        /** The binding. */
        public RecordIdBinding() {
            super(RecordId.class);
        }
    }

    /** {@code datetime}: an {@link Instant}. */
    public static final class DatetimeBinding extends Passthrough<Instant> {
        private static final long serialVersionUID = 1L;

        /** The binding. */
        public DatetimeBinding() {
            super(Instant.class);
        }
    }

    /** {@code duration}: a {@link Duration}. */
    public static final class DurationBinding extends Passthrough<Duration> {
        private static final long serialVersionUID = 1L;

        /** The binding. */
        public DurationBinding() {
            super(Duration.class);
        }
    }

    /** {@code uuid}: a {@link UUID} (jOOQ reads the column as its own {@code UUID} type). */
    public static final class UuidBinding extends Base<UUID, UUID> {
        private static final long serialVersionUID = 1L;

        /** The binding. */
        public UuidBinding() {
            super(UUID.class);
        }

        @Override
        public Converter<UUID, UUID> converter() {
            return Converter.ofNullable(UUID.class, UUID.class, u -> u, u -> u);
        }
    }

    /** {@code geometry<…>}: a {@link Geometry}. */
    public static final class GeometryBinding extends Passthrough<Geometry> {
        private static final long serialVersionUID = 1L;

        /** The binding. */
        public GeometryBinding() {
            super(Geometry.class);
        }
    }

    /** {@code object}: an insertion-ordered map ({@code java.util.Map}). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static final class ObjectBinding extends Passthrough<Map> {
        private static final long serialVersionUID = 1L;

        /** The binding. */
        public ObjectBinding() {
            super(Map.class);
        }
    }

    /** {@code array<…>} / {@code set<…>}: a {@code java.util.List}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static final class ArrayBinding extends Passthrough<List> {
        private static final long serialVersionUID = 1L;

        /** The binding. */
        public ArrayBinding() {
            super(List.class);
        }
    }

    /** {@code any} and other values: as the driver decodes them. */
    public static final class AnyBinding extends Passthrough<Object> {
        private static final long serialVersionUID = 1L;

        /** The binding. */
        public AnyBinding() {
            super(Object.class);
        }
    }
}
