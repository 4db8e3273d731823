package dev.surrealj.jdbc;

import static dev.surrealj.jdbc.JdbcTestSupport.assertState;
import static dev.surrealj.jdbc.JdbcTestSupport.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surrealj.testing.SurrealExtension;
import dev.surrealj.testing.SurrealTestDb;
import java.beans.BeanInfo;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.sql.Connection;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SurrealExtension.class)
class DataSourceTest {

    @Test
    void beanSetters(SurrealTestDb db) throws Exception {
        db.sql("DEFINE DATABASE IF NOT EXISTS dsdb;");
        SurrealDataSource ds = new SurrealDataSource();
        ds.setUrl("jdbc:surrealdb://" + db.server().host() + ":" + db.server().port() + "/" + db.namespace() + "/nope");
        ds.setDatabase("dsdb");
        ds.setApplicationName("ds-app");
        ds.setConnectTimeout(3);
        ds.setRequestTimeout(20);
        ds.setQueryTimeout(7);
        ds.setFetchSize(50);
        ds.setReadOnly(true);
        ds.setBatchRewrite(false);
        ds.setLoginTimeout(5);
        ds.setProperty("keepAliveInterval", "0");
        assertEquals(3, ds.getConnectTimeout());
        assertEquals("dsdb", ds.getDatabase());
        assertFalse(ds.isBatchRewrite());
        assertEquals(5, ds.getLoginTimeout());
        assertEquals(60, new SurrealDataSource().getRequestTimeout()); // default
        try (Connection c = ds.getConnection()) {
            assertEquals("dsdb", scalar(c, "RETURN session::db()"));
            assertEquals("ds-app", c.getClientInfo("ApplicationName"));
            assertTrue(c.isReadOnly());
            try (var st = c.createStatement()) {
                assertEquals(7, st.getQueryTimeout());
                assertEquals(50, st.getFetchSize());
            }
        }
        assertTrue(ds.isWrapperFor(DataSource.class));
        assertEquals(ds, ds.unwrap(SurrealDataSource.class));
    }

    @Test
    void everyPropertyHasASetter() throws Exception {
        BeanInfo info = Introspector.getBeanInfo(SurrealDataSource.class);
        Set<String> writable = new HashSet<>();
        for (PropertyDescriptor pd : info.getPropertyDescriptors()) {
            if (pd.getWriteMethod() != null) {
                writable.add(pd.getName());
            }
        }
        for (ConnectionProperty p : ConnectionProperty.values()) {
            assertTrue(writable.contains(p.key()) || hasSetter(p.key()), p.key());
        }
        assertTrue(writable.contains("url"));
    }

    private static boolean hasSetter(String key) {
        String name = "set" + Character.toUpperCase(key.charAt(0)) + key.substring(1);
        for (var m : SurrealDataSource.class.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == 1) {
                return true;
            }
        }
        return false;
    }

    @Test
    void secretsAreHidden() throws Exception {
        SurrealDataSource ds = new SurrealDataSource();
        ds.setUrl("jdbc:surrealdb://h/ns/db?password=inUrl");
        ds.setUser("root");
        ds.setPassword("hunter2");
        ds.setToken("tok-123");
        ds.setSigninVariable("pass", "pw-9");
        String s = ds.toString();
        for (String secret : new String[] {"inUrl", "hunter2", "tok-123", "pw-9"}) {
            assertFalse(s.contains(secret), s);
        }
        assertTrue(s.contains("user=root"), s);
        // serializable (JNDI, session replication), the password survives
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(ds);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            SurrealDataSource copy = (SurrealDataSource) in.readObject();
            assertEquals("hunter2", copy.getProperty("password"));
            assertEquals(ds.getUrl(), copy.getUrl());
        }
    }

    @Test
    void propertyInfoAndErrors(SurrealTestDb db) throws SQLException {
        SurrealDataSource ds = new SurrealDataSource();
        assertState("08001", ds::getConnection);
        ds.setUrl("jdbc:surrealdb://h:1/ns/db?connectTimeout=4");
        ds.setFetchSize(9);
        String fetch = null;
        String connect = null;
        for (DriverPropertyInfo i : ds.getPropertyInfo()) {
            if (i.name.equals("fetchSize")) {
                fetch = i.value;
            }
            if (i.name.equals("connectTimeout")) {
                connect = i.value;
            }
        }
        assertEquals("9", fetch);
        assertEquals("4", connect);
        ds.setUrl(JdbcTestSupport.url(db));
        ds.setConnectTimeout(1);
        ds.setProperty("connectTimeout", "bad");
        assertState("08001", ds::getConnection);
        ds.setProperty("connectTimeout", null);
        assertNull(ds.getProperty("connectTimeout"));
        try (Connection c = ds.getConnection()) {
            assertTrue(c.isValid(1));
        }
    }
}
