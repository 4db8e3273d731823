package dev.surrealj.jooq;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

/** A nested SurrealDB object mapped to a Java record or bean (by component / property names) and back to a map. */
final class ObjectBinding<T> implements Binding<Object, T> {
    private static final long serialVersionUID = 1L;
    private final Class<T> type;
    private final Converter<Object, T> converter;

    ObjectBinding(Class<T> type) {
        this.type = type;
        this.converter = Converter.ofNullable(Object.class, type, this::fromDb, ObjectBinding::toMap);
    }

    @Override
    public Converter<Object, T> converter() {
        return converter;
    }

    private T fromDb(Object o) {
        if (type.isInstance(o)) {
            return type.cast(o);
        }
        if (!(o instanceof Map<?, ?> m)) {
            throw new ClassCastException("Cannot read " + o.getClass().getName() + " as " + type.getName());
        }
        return fromMap(type, m);
    }

    /** Builds a record (canonical constructor) or a bean (no-arg constructor and setters) from a map. */
    static <T> T fromMap(Class<T> type, Map<?, ?> m) {
        try {
            if (type.isRecord()) {
                RecordComponent[] rc = type.getRecordComponents();
                Class<?>[] types = new Class<?>[rc.length];
                Object[] args = new Object[rc.length];
                for (int i = 0; i < rc.length; i++) {
                    types[i] = rc[i].getType();
                    args[i] = adapt(m.get(rc[i].getName()), rc[i].getType());
                }
                Constructor<T> c = type.getDeclaredConstructor(types);
                c.setAccessible(true);
                return c.newInstance(args);
            }
            Constructor<T> c = type.getDeclaredConstructor();
            c.setAccessible(true);
            T bean = c.newInstance();
            for (Method s : type.getMethods()) {
                if (s.getName().length() > 3 && s.getName().startsWith("set") && s.getParameterCount() == 1
                        && !Modifier.isStatic(s.getModifiers())) {
                    String prop = Character.toLowerCase(s.getName().charAt(3)) + s.getName().substring(4);
                    if (m.containsKey(prop)) {
                        s.invoke(bean, adapt(m.get(prop), s.getParameterTypes()[0]));
                    }
                }
            }
            return bean;
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("Cannot build " + type.getName() + " from " + m, e);
        }
    }

    private static Object adapt(Object v, Class<?> t) {
        if (v == null || v instanceof dev.surrealj.value.None) {
            return t.isPrimitive() ? ResultSetProxy.defaultValue(t) : null;
        }
        if (t.isInstance(v)) {
            return v;
        }
        if (v instanceof Number n) {
            if (t == int.class || t == Integer.class) {
                return n.intValue();
            }
            if (t == long.class || t == Long.class) {
                return n.longValue();
            }
            if (t == double.class || t == Double.class) {
                return n.doubleValue();
            }
            if (t == float.class || t == Float.class) {
                return n.floatValue();
            }
            if (t == short.class || t == Short.class) {
                return n.shortValue();
            }
            if (t == java.math.BigDecimal.class) {
                return new java.math.BigDecimal(n.toString());
            }
        }
        if (v instanceof Map<?, ?> m && !t.isInterface() && !t.isPrimitive() && t != Object.class) {
            return fromMap(t, m);
        }
        if (t == String.class) {
            return v.toString();
        }
        return v;
    }

    /** A record or bean as a map (component / getter names); maps and other values pass. */
    static Object toMap(Object o) {
        if (o == null || o instanceof Map<?, ?> || o instanceof List<?>) {
            return o;
        }
        Class<?> c = o.getClass();
        try {
            if (c.isRecord()) {
                Map<String, Object> m = new LinkedHashMap<>();
                for (RecordComponent rc : c.getRecordComponents()) {
                    Method a = rc.getAccessor();
                    a.setAccessible(true);
                    m.put(rc.getName(), toMap(a.invoke(o)));
                }
                return m;
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("Cannot read " + c.getName(), e);
        }
        return o;
    }

    @Override
    public void sql(BindingSQLContext<T> ctx) throws SQLException {
        if (ctx.render().paramType() == ParamType.INLINED) {
            ctx.render().sql(dev.surrealj.value.SurrealQL.literal(toMap(ctx.value())));
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
        ctx.statement().setObject(ctx.index(), toMap(ctx.value()));
    }

    @Override
    public void set(BindingSetSQLOutputContext<T> ctx) throws SQLException {
        throw new SQLFeatureNotSupportedException("SQLOutput");
    }

    @Override
    public void get(BindingGetResultSetContext<T> ctx) throws SQLException {
        Object o = ctx.resultSet().getObject(ctx.index());
        ctx.value(o == null || o instanceof dev.surrealj.value.None ? null : fromDb(o));
    }

    @Override
    public void get(BindingGetStatementContext<T> ctx) throws SQLException {
        Object o = ctx.statement().getObject(ctx.index());
        ctx.value(o == null ? null : fromDb(o));
    }

    @Override
    public void get(BindingGetSQLInputContext<T> ctx) throws SQLException {
        throw new SQLFeatureNotSupportedException("SQLInput");
    }
}
