package dev.surrealj.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surrealj.jdbc.ConnectionProperties.AuthLevel;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ConnectionPropertiesTest {

    private static Properties props(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }

    private static ConnectionProperties of(String url, String... kv) throws SQLException {
        return ConnectionProperties.of(JdbcUrl.parse(url), props(kv));
    }

    // ------------------------------------------------------------------ ConnectionProperty

    @Test
    void everyPropertyIsDescribed() {
        Set<String> keys = new HashSet<>();
        for (ConnectionProperty p : ConnectionProperty.values()) {
            assertTrue(keys.add(p.key().toLowerCase()), "duplicate " + p.key());
            assertFalse(p.description().isBlank(), p.key());
            assertNotNull(p.type(), p.key());
            if (p.type() == ConnectionProperty.Type.ENUM || p.type() == ConnectionProperty.Type.BOOLEAN) {
                assertFalse(p.choices().isEmpty(), p.key());
            }
            if (p.defaultValue() != null && p.type() != ConnectionProperty.Type.STRING) {
                assertEquals(p, ConnectionProperty.forKey(p.key()));
            }
        }
        assertTrue(keys.size() >= 28);
    }

    @Test
    void requestedPropertyNamesExist() {
        for (String name : List.of("user", "password", "namespace", "database", "authLevel", "access", "token",
                "connectTimeout", "queryTimeout", "socketTimeout", "requestTimeout", "keepAliveInterval",
                "loginTimeout", "loadBalanceHosts", "reconnect", "reconnectMaxAttempts", "trustStore",
                "trustStorePassword", "trustStoreType", "insecure", "maxFrameSize", "maxDepth", "fetchSize",
                "sqlTranslation", "sqlTranslatorFactory", "metadataSampleSize", "applicationName", "readOnly",
                "batchRewrite", "liveQueryBuffer")) {
            assertNotNull(ConnectionProperty.forKey(name), name);
        }
        assertEquals(ConnectionProperty.REQUEST_TIMEOUT, ConnectionProperty.forKey("socketTimeout"));
        assertEquals(ConnectionProperty.USER, ConnectionProperty.forKey("USER"));
        assertNull(ConnectionProperty.forKey("nope"));
        assertNull(ConnectionProperty.forKey(null));
    }

    @Test
    void defaults() throws SQLException {
        ConnectionProperties p = of("jdbc:surrealdb://h");
        assertEquals(Duration.ofSeconds(10), p.connectTimeout());
        assertEquals(Duration.ZERO, p.queryTimeout());
        assertEquals(Duration.ofSeconds(60), p.requestTimeout());
        assertEquals(Duration.ofSeconds(30), p.keepAliveInterval());
        assertEquals(Duration.ZERO, p.loginTimeout(0));
        assertEquals(Duration.ofSeconds(7), p.loginTimeout(7));
        assertFalse(p.loadBalanceHosts());
        assertFalse(p.reconnect());
        assertEquals(10, p.reconnectMaxAttempts());
        assertFalse(p.insecure());
        assertEquals(256L << 20, p.maxFrameSize());
        assertEquals(256, p.maxDepth());
        assertEquals(0, p.fetchSize());
        assertFalse(p.sqlTranslation());
        assertNull(p.sqlTranslatorFactory());
        assertEquals(100, p.metadataSampleSize());
        assertNull(p.applicationName());
        assertFalse(p.readOnly());
        assertTrue(p.batchRewrite());
        assertEquals(1024, p.liveQueryBuffer());
        assertNull(p.user());
        assertNull(p.password());
        assertNull(p.token());
        assertNull(p.access());
        assertNull(p.authLevel());
        assertNull(p.namespace());
        assertNull(p.database());
        assertNull(p.trustStore());
        assertNull(p.trustStorePassword());
        assertNull(p.trustStoreType());
        assertTrue(p.signinVariables().isEmpty());
        assertTrue(p.warnings().isEmpty());
        assertFalse(p.isSet(ConnectionProperty.CONNECT_TIMEOUT));
        assertEquals("ConnectionProperties{}", p.toString());
    }

    @Test
    void typedValues() throws SQLException {
        ConnectionProperties p = of("jdbc:surrealdb://h/ns/db?connectTimeout=5&reconnect=yes&maxFrameSize=1048576"
                        + "&trustStoreType=JKS&insecure",
                "queryTimeout", "3", "socketTimeout", "120", "keepAliveInterval", "0", "loginTimeout", "9",
                "loadBalanceHosts", "TRUE", "reconnectMaxAttempts", "+2", "maxDepth", " 64 ", "fetchSize", "500",
                "sqlTranslation", "on", "sqlTranslatorFactory", "com.example.F", "metadataSampleSize", "0",
                "applicationName", "app", "readOnly", "1", "batchRewrite", "off", "liveQueryBuffer", "8",
                "trustStore", "/tmp/ts.p12", "trustStorePassword", "tsp");
        assertEquals(Duration.ofSeconds(5), p.connectTimeout());
        assertEquals(Duration.ofSeconds(3), p.queryTimeout());
        assertEquals(Duration.ofSeconds(120), p.requestTimeout());
        assertEquals(Duration.ZERO, p.keepAliveInterval());
        assertEquals(Duration.ofSeconds(9), p.loginTimeout(30));
        assertTrue(p.loadBalanceHosts());
        assertTrue(p.reconnect());
        assertEquals(2, p.reconnectMaxAttempts());
        assertTrue(p.insecure());
        assertEquals(1048576L, p.maxFrameSize());
        assertEquals(64, p.maxDepth());
        assertEquals(500, p.fetchSize());
        assertTrue(p.sqlTranslation());
        assertEquals("com.example.F", p.sqlTranslatorFactory());
        assertEquals(0, p.metadataSampleSize());
        assertEquals("app", p.applicationName());
        assertTrue(p.readOnly());
        assertFalse(p.batchRewrite());
        assertEquals(8, p.liveQueryBuffer());
        assertEquals("/tmp/ts.p12", p.trustStore());
        assertEquals("tsp", p.trustStorePassword());
        assertEquals("JKS", p.trustStoreType());
        assertEquals("true", p.get(ConnectionProperty.RECONNECT));
        assertEquals("2", p.get(ConnectionProperty.RECONNECT_MAX_ATTEMPTS));
    }

    // ------------------------------------------------------------------ precedence

    @Test
    void propertiesWinOverUrlWhichWinsOverPath() throws SQLException {
        ConnectionProperties p = of("jdbc:surrealdb://h/pathNs/pathDb?namespace=urlNs&connectTimeout=5&user=u1",
                "connectTimeout", "7", "user", "u2");
        assertEquals(Duration.ofSeconds(7), p.connectTimeout());
        assertEquals("u2", p.user());
        assertEquals("urlNs", p.namespace());
        assertEquals("pathDb", p.database());

        ConnectionProperties q = of("jdbc:surrealdb://h/pathNs/pathDb?namespace=urlNs", "namespace", "propNs",
                "database", "propDb");
        assertEquals("propNs", q.namespace());
        assertEquals("propDb", q.database());
    }

    @Test
    void namesAreCaseInsensitiveAndExactNameWinsWithinASource() throws SQLException {
        ConnectionProperties p = of("jdbc:surrealdb://h", "User", "a", "CONNECTTIMEOUT", "4");
        assertEquals("a", p.user());
        assertEquals(Duration.ofSeconds(4), p.connectTimeout());

        ConnectionProperties q = of("jdbc:surrealdb://h", "USER", "upper", "user", "exact");
        assertEquals("exact", q.user());
        assertTrue(q.warnings().stream().anyMatch(w -> w.contains("given twice")), q.warnings().toString());
    }

    @Test
    void aliasLosesToCanonicalNameInTheSameSourceButSourcesStillOrder() throws SQLException {
        assertEquals(Duration.ofSeconds(5), of("jdbc:surrealdb://h", "socketTimeout", "9", "requestTimeout", "5")
                .requestTimeout());
        assertEquals(Duration.ofSeconds(5), of("jdbc:surrealdb://h?requestTimeout=5&socketTimeout=9")
                .requestTimeout());
        // a Properties alias beats a URL canonical name
        assertEquals(Duration.ofSeconds(9), of("jdbc:surrealdb://h?requestTimeout=5", "socketTimeout", "9")
                .requestTimeout());
    }

    @Test
    void nonStringPropertyValuesAndDefaultsAreSeen() throws SQLException {
        Properties defaults = props("user", "fromDefaults");
        Properties p = new Properties(defaults);
        p.put("connectTimeout", 3);
        p.put("reconnect", Boolean.TRUE);
        ConnectionProperties c = ConnectionProperties.of(JdbcUrl.parse("jdbc:surrealdb://h"), p);
        assertEquals(Duration.ofSeconds(3), c.connectTimeout());
        assertTrue(c.reconnect());
        assertEquals("fromDefaults", c.user());
    }

    @Test
    void nullPropertiesAreFine() throws SQLException {
        assertEquals(Duration.ofSeconds(10),
                ConnectionProperties.of(JdbcUrl.parse("jdbc:surrealdb://h"), null).connectTimeout());
    }

    @Test
    void ofWithoutUrl() throws SQLException {
        ConnectionProperties p = ConnectionProperties.of(Map.of("connectTimeout", "2"), "ns", "db", null);
        assertEquals(Duration.ofSeconds(2), p.connectTimeout());
        assertEquals("ns", p.namespace());
        assertEquals("db", p.database());
    }

    @Test
    void emptyTextValuesCountAsUnset() throws SQLException {
        ConnectionProperties p = of("jdbc:surrealdb://h/ns/db", "user", "", "password", "", "namespace", " ",
                "applicationName", "");
        assertNull(p.user());
        assertNull(p.password());
        assertEquals("ns", p.namespace());
        assertNull(p.applicationName());
        assertNull(p.authLevel());
    }

    @Test
    void secretsAreNotTrimmed() throws SQLException {
        assertEquals(" pw ", of("jdbc:surrealdb://h", "user", "u", "password", " pw ").password());
    }

    // ------------------------------------------------------------------ unknown and signin variables

    @Test
    void unknownPropertiesAreIgnoredWithAWarningWithoutValue() throws SQLException {
        ConnectionProperties p = of("jdbc:surrealdb://h?fooBar=secretish", "sslmode", "require");
        assertEquals(2, p.warnings().size(), p.warnings().toString());
        assertTrue(p.warnings().get(0).contains("'fooBar'"));
        assertTrue(p.warnings().get(0).contains("URL"));
        assertTrue(p.warnings().get(1).contains("'sslmode'"));
        assertTrue(p.warnings().get(1).contains("Properties"));
        assertFalse(String.join(" ", p.warnings()).contains("secretish"));
        assertFalse(p.toString().contains("fooBar"));
    }

    @Test
    void sslPropertiesPointToTheTlsTransports() throws SQLException {
        ConnectionProperties p = of("jdbc:surrealdb://h?sslmode=require");
        assertTrue(p.warnings().get(0).contains("jdbc:surrealdb:wss://"), p.warnings().toString());
    }

    @Test
    void signinVariables() throws SQLException {
        ConnectionProperties p = of("jdbc:surrealdb://h/ns/db?access=user&var.email=a@b.c&var.pass=x",
                "var.pass", "pw", "VAR.Name", "N");
        assertEquals(AuthLevel.RECORD, p.authLevel());
        assertFalse(p.isAuthLevelExplicit());
        assertEquals(Map.of("email", "a@b.c", "pass", "pw", "Name", "N"), p.signinVariables());
        assertTrue(p.warnings().isEmpty(), p.warnings().toString());
        assertThrows(UnsupportedOperationException.class, () -> p.signinVariables().put("a", "b"));
    }

    @Test
    void signinVariablesWithoutAccessWarn() throws SQLException {
        ConnectionProperties p = of("jdbc:surrealdb://h", "var.email", "x");
        assertTrue(p.warnings().stream().anyMatch(w -> w.contains("var.*")));
    }

    // ------------------------------------------------------------------ auth level

    @Test
    void authLevelInference() throws SQLException {
        assertEquals(AuthLevel.ROOT, of("jdbc:surrealdb://h", "user", "root", "password", "pw").authLevel());
        assertEquals(AuthLevel.RECORD, of("jdbc:surrealdb://h/ns/db", "access", "acc").authLevel());
        assertEquals(AuthLevel.RECORD, of("jdbc:surrealdb://h/ns/db", "access", "acc", "user", "x").authLevel());
        assertNull(of("jdbc:surrealdb://h", "token", "jwt").authLevel());
        assertNull(of("jdbc:surrealdb://h").authLevel());
    }

    @ParameterizedTest
    @CsvSource({
            "root,      jdbc:surrealdb://h,       ROOT",
            "NameSpace, jdbc:surrealdb://h/ns,    NAMESPACE",
            "database,  jdbc:surrealdb://h/ns/db, DATABASE",
    })
    void explicitAuthLevel(String level, String url, AuthLevel expected) throws SQLException {
        ConnectionProperties p = of(url, "authLevel", level, "user", "u", "password", "p");
        assertEquals(expected, p.authLevel());
        assertTrue(p.isAuthLevelExplicit());
        assertEquals(expected.value(), p.get(ConnectionProperty.AUTH_LEVEL));
    }

    @Test
    void explicitRecordLevel() throws SQLException {
        assertEquals(AuthLevel.RECORD, of("jdbc:surrealdb://h/ns/db", "authLevel", "record", "access", "a").authLevel());
    }

    @ParameterizedTest
    @CsvSource(value = {
            "jdbc:surrealdb://h/ns/db | authLevel=record | authLevel=record needs the 'access' property",
            "jdbc:surrealdb://h/ns | authLevel=record,access=a | authLevel=record needs a namespace and a database",
            "jdbc:surrealdb://h/ns | access=a | record access ('access' property) needs a namespace and a database",
            "jdbc:surrealdb://h/ns/db | authLevel=root,access=a,user=u | 'access' property is only used with authLevel=record",
            "jdbc:surrealdb://h/ns/db | authLevel=database | authLevel=database needs the 'user' and 'password'",
            "jdbc:surrealdb://h | authLevel=namespace,user=u | authLevel=namespace needs a namespace",
            "jdbc:surrealdb://h/ns | authLevel=database,user=u | authLevel=database needs a database",
            "jdbc:surrealdb://h | authLevel=root,user=u,token=t | 'token' and 'authLevel' exclude each other",
            "jdbc:surrealdb://h | database=db | a database is given without a namespace",
    }, delimiter = '|')
    void inconsistentAuthSettingsFail(String url, String kv, String problem) {
        String[] pairs = Arrays.stream(kv.split(",")).flatMap(s -> Arrays.stream(s.split("=", 2))).toArray(String[]::new);
        SQLException e = assertThrows(SQLException.class, () -> of(url, pairs));
        assertEquals("08001", e.getSQLState());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    @Test
    void tokenWithUserWarns() throws SQLException {
        ConnectionProperties p = of("jdbc:surrealdb://h", "token", "jwt", "user", "u");
        assertNull(p.authLevel());
        assertTrue(p.warnings().stream().anyMatch(w -> w.contains("token")));
    }

    @Test
    void passwordWithoutUserWarns() throws SQLException {
        assertTrue(of("jdbc:surrealdb://h", "password", "pw").warnings().stream()
                .anyMatch(w -> w.contains("without 'user'")));
    }

    // ------------------------------------------------------------------ validation

    @ParameterizedTest
    @CsvSource(value = {
            "connectTimeout | abc | 'abc' is not a whole number; expected a whole number >= 0 (default 10)",
            "connectTimeout | -1 | '-1' is out of range; expected a whole number >= 0 (default 10)",
            "connectTimeout | 1.5 | is not a whole number",
            "connectTimeout | 99999999999 | is out of range",
            "queryTimeout | x | expected a whole number >= 0 (default 0)",
            "maxDepth | 0 | '0' is out of range; expected a whole number from 1 to 100000 (default 256)",
            "maxFrameSize | 10 | is out of range; expected a whole number >= 1024",
            "liveQueryBuffer | 0 | is out of range",
            "reconnect | maybe | 'maybe' is not a boolean; expected true or false",
            "insecure | 2 | is not a boolean",
            "authLevel | admin | 'admin' is not one of root, namespace, database, record",
            "socketTimeout | soon | connection property 'requestTimeout'",
    }, delimiter = '|')
    void badValuesNameThePropertyAndTheAcceptedValues(String key, String value, String problem) {
        SQLException e = assertThrows(SQLException.class, () -> of("jdbc:surrealdb://h", key, value));
        assertInstanceOf(SQLNonTransientConnectionException.class, e);
        assertEquals("08001", e.getSQLState());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertTrue(e.getMessage().startsWith("Invalid value for connection property '"), e.getMessage());
    }

    @Test
    void badValuesInTheUrlAreCaughtToo() {
        SQLException e = assertThrows(SQLException.class, () -> of("jdbc:surrealdb://h?fetchSize=-5"));
        assertTrue(e.getMessage().contains("'fetchSize'"));
    }

    @Test
    void trustStoreTypeIsNotRestricted() throws SQLException {
        assertEquals("BCFKS", of("jdbc:surrealdb://h", "trustStoreType", "BCFKS").trustStoreType());
    }

    // ------------------------------------------------------------------ redaction

    @Test
    void toStringRedactsSecrets() throws SQLException {
        ConnectionProperties p = of("jdbc:surrealdb://h/ns/db?access=acc&var.email=e@x&var.password=vp"
                        + "&var.clientSecret=cs&var.apiToken=at",
                "user", "bob", "password", "pw1", "token", "tok1", "trustStorePassword", "tsp1", "connectTimeout", "5");
        String s = p.toString();
        for (String secret : List.of("pw1", "tok1", "tsp1", "vp", "=cs", "=at")) {
            assertFalse(s.contains(secret), secret + " in " + s);
        }
        assertTrue(s.contains("user=bob"), s);
        assertTrue(s.contains("password=***"), s);
        assertTrue(s.contains("token=***"), s);
        assertTrue(s.contains("trustStorePassword=***"), s);
        assertTrue(s.contains("var.email=e@x"), s);
        assertTrue(s.contains("var.password=***"), s);
        assertTrue(s.contains("var.clientSecret=***"), s);
        assertTrue(s.contains("connectTimeout=5"), s);
        assertTrue(s.contains("namespace=ns"), s);
        assertTrue(s.contains("database=db"), s);
    }

    @ParameterizedTest
    @CsvSource({
            "password, true", "PASSWORD, true", "token, true", "trustStorePassword, true", "pass, true",
            "var.pass, true", "var.userPassword, true", "var.secret, true", "var.apiKey, true", "var.email, false",
            "user, false", "var.name, false", "connectTimeout, false", "unknown, false",
    })
    void secretKeys(String key, boolean secret) {
        assertEquals(secret, ConnectionProperty.isSecretKey(key));
    }

    @Test
    void secretKeyOfNull() {
        assertFalse(ConnectionProperty.isSecretKey(null));
        assertFalse(ConnectionProperty.isSigninVariable(null));
        assertFalse(ConnectionProperty.isSigninVariable("var."));
        assertTrue(ConnectionProperty.isSigninVariable("Var.x"));
    }

    @Test
    void validationMessagesNeverEchoSecrets() {
        // secrets are free text and never fail validation; a bad value elsewhere must not leak them
        SQLException e = assertThrows(SQLException.class,
                () -> of("jdbc:surrealdb://h?password=hunter2", "connectTimeout", "x"));
        assertFalse(e.getMessage().contains("hunter2"));
    }

    // ------------------------------------------------------------------ DriverPropertyInfo

    @Test
    void propertyInfoListsEveryProperty() throws SQLException {
        DriverPropertyInfo[] info = ConnectionProperties.propertyInfo(
                JdbcUrl.parse("jdbc:surrealdb://h/ns?connectTimeout=5&reconnect=true&var.email=e"),
                props("reconnect", "false", "user", "bob"));
        Map<String, DriverPropertyInfo> byName = Arrays.stream(info)
                .collect(Collectors.toMap(d -> d.name, d -> d));
        for (ConnectionProperty p : ConnectionProperty.values()) {
            DriverPropertyInfo d = byName.get(p.key());
            assertNotNull(d, p.key());
            assertFalse(d.required, p.key());
            assertTrue(d.description.startsWith(p.description()), p.key());
            if (p.choices().isEmpty()) {
                assertNull(d.choices, p.key());
            } else {
                assertArrayEquals(p.choices().toArray(), d.choices, p.key());
            }
        }
        assertEquals(ConnectionProperty.values().length + 1, info.length);
        assertEquals("5", byName.get("connectTimeout").value);           // from the URL
        assertEquals("false", byName.get("reconnect").value);            // Properties win
        assertEquals("bob", byName.get("user").value);
        assertEquals("ns", byName.get("namespace").value);               // from the path
        assertNull(byName.get("database").value);
        assertEquals("60", byName.get("requestTimeout").value);          // default
        assertTrue(byName.get("requestTimeout").description.contains("(default 60)"));
        assertArrayEquals(new String[] {"root", "namespace", "database", "record"}, byName.get("authLevel").choices);
        assertArrayEquals(new String[] {"true", "false"}, byName.get("insecure").choices);
        assertEquals("e", byName.get("var.email").value);
        assertEquals("user", info[0].name, "declaration order");
    }

    @Test
    void propertyInfoWithoutUrlOrPropertiesAndWithBadValues() {
        DriverPropertyInfo[] info = ConnectionProperties.propertyInfo(null, null);
        assertEquals(ConnectionProperty.values().length, info.length);
        DriverPropertyInfo[] bad = ConnectionProperties.propertyInfo(null, props("connectTimeout", "abc"));
        assertEquals("abc", Arrays.stream(bad).filter(d -> d.name.equals("connectTimeout")).findFirst()
                .orElseThrow().value, "not validated");
    }

    @ParameterizedTest
    @EnumSource(ConnectionProperty.class)
    void defaultsAreValidValues(ConnectionProperty p) throws SQLException {
        if (p.defaultValue() != null) {
            ConnectionProperties c = of("jdbc:surrealdb://h", p.key(), p.defaultValue());
            assertEquals(p.defaultValue(), c.get(p));
        }
    }
}
