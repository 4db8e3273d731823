package dev.surrealj.jooq;

import dev.surrealj.value.SurrealQL;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import org.jooq.Binding;
import org.jooq.BindingGetResultSetContext;
import org.jooq.BindingGetSQLInputContext;
import org.jooq.BindingGetStatementContext;
import org.jooq.BindingRegisterContext;
import org.jooq.BindingSQLContext;
import org.jooq.BindingSetSQLOutputContext;
import org.jooq.BindingSetStatementContext;
import org.jooq.Converter;
import org.jooq.conf.ParamType;

/**
 * A binding that hands values to the driver unchanged ({@code setObject} / {@code getObject}), so SurrealDB values
 * (record ids, durations, geometries, maps …) reach the driver's own conversions instead of jOOQ's. Inlined, a
 * value is written as a SurrealQL literal.
 *
 * @param <T> the Java type
 */
final class PassthroughBinding<T> implements Binding<Object, T> {
    private static final long serialVersionUID = 1L;

    private final Class<T> type;
    private final Converter<Object, T> converter;

    PassthroughBinding(Class<T> type) {
        this.type = type;
        this.converter = Converter.ofNullable(Object.class, type, this::cast, t -> t);
    }

    private T cast(Object o) {
        if (type.isInstance(o)) {
            return type.cast(o);
        }
        if (type == Object.class) {
            return type.cast(o);
        }
        throw new ClassCastException("Cannot read " + o.getClass().getName() + " as " + type.getName());
    }

    @Override
    public Converter<Object, T> converter() {
        return converter;
    }

    @Override
    public void sql(BindingSQLContext<T> ctx) throws SQLException {
        if (ctx.render().paramType() == ParamType.INLINED) {
            ctx.render().sql(SurrealQL.literal(ctx.value()));
        } else {
            ctx.render().sql(ctx.variable());
        }
    }

    @Override
    public void register(BindingRegisterContext<T> ctx) throws SQLException {
        ctx.statement().registerOutParameter(ctx.index(), java.sql.Types.OTHER);
    }

    @Override
    public void set(BindingSetStatementContext<T> ctx) throws SQLException {
        ctx.statement().setObject(ctx.index(), ctx.value());
    }

    @Override
    public void set(BindingSetSQLOutputContext<T> ctx) throws SQLException {
        throw new SQLFeatureNotSupportedException("SQLOutput");
    }

    @Override
    public void get(BindingGetResultSetContext<T> ctx) throws SQLException {
        Object o = type == Object.class ? ctx.resultSet().getObject(ctx.index())
                : ctx.resultSet().getObject(ctx.index(), type);
        ctx.value(o == null ? null : cast(o));
    }

    @Override
    public void get(BindingGetStatementContext<T> ctx) throws SQLException {
        Object o = ctx.statement().getObject(ctx.index());
        ctx.value(o == null ? null : cast(o));
    }

    @Override
    public void get(BindingGetSQLInputContext<T> ctx) throws SQLException {
        throw new SQLFeatureNotSupportedException("SQLInput");
    }
}
