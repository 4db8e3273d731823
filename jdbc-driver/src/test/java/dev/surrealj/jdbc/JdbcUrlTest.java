package dev.surrealj.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surrealj.jdbc.JdbcUrl.HostAndPort;
import dev.surrealj.jdbc.JdbcUrl.Transport;
import java.net.URI;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JdbcUrlTest {

    // ------------------------------------------------------------------ acceptsURL

    @Test
    void acceptsOnlyTheSurrealPrefix() {
        assertTrue(JdbcUrl.acceptsURL("jdbc:surrealdb://localhost"));
        assertTrue(JdbcUrl.acceptsURL("jdbc:surrealdb:wss://x"));
        assertTrue(JdbcUrl.acceptsURL("JDBC:SurrealDB://x"));
        assertTrue(JdbcUrl.acceptsURL("jdbc:surrealdb:garbage")); // cheap check: parse() validates
        assertFalse(JdbcUrl.acceptsURL(null));
        assertFalse(JdbcUrl.acceptsURL(""));
        assertFalse(JdbcUrl.acceptsURL("jdbc:postgresql://localhost/db"));
        assertFalse(JdbcUrl.acceptsURL("jdbc:surreal://x"));
        assertFalse(JdbcUrl.acceptsURL("surrealdb://x"));
    }

    // ------------------------------------------------------------------ valid forms

    @Test
    void fullDefaultForm() throws SQLException {
        JdbcUrl u = JdbcUrl.parse("jdbc:surrealdb://db.example.com:8001/shop/main?connectTimeout=5&reconnect=true");
        assertEquals(Transport.WS, u.transport());
        assertFalse(u.isTransportExplicit());
        assertEquals(List.of(new HostAndPort("db.example.com", 8001)), u.hosts());
        assertEquals("shop", u.namespace());
        assertEquals("main", u.database());
        assertEquals(Map.of("connectTimeout", "5", "reconnect", "true"), u.properties());
        assertEquals(List.of(URI.create("ws://db.example.com:8001/rpc")), u.rpcUris());
    }

    @ParameterizedTest
    @CsvSource({
            "jdbc:surrealdb://h,                 WS,    false, 8000",
            "jdbc:surrealdb:ws://h,              WS,    true,  8000",
            "jdbc:surrealdb:wss://h,             WSS,   true,  443",
            "jdbc:surrealdb:http://h,            HTTP,  true,  8000",
            "jdbc:surrealdb:https://h,           HTTPS, true,  443",
            "jdbc:surrealdb:WSS://h,             WSS,   true,  443",
            "jdbc:surrealdb:wss://h:8443,        WSS,   true,  8443",
            "jdbc:surrealdb:https://h:9000/ns,   HTTPS, true,  9000",
    })
    void transportsAndDefaultPorts(String url, Transport transport, boolean explicit, int port) throws SQLException {
        JdbcUrl u = JdbcUrl.parse(url);
        assertEquals(transport, u.transport());
        assertEquals(explicit, u.isTransportExplicit());
        assertEquals(port, u.hosts().get(0).port());
        assertEquals("h", u.hosts().get(0).host());
        assertEquals(transport.scheme() + "://h:" + port + "/rpc", u.rpcUris().get(0).toString());
    }

    @Test
    void transportProperties() {
        assertTrue(Transport.WSS.isSecure());
        assertTrue(Transport.HTTPS.isSecure());
        assertFalse(Transport.WS.isSecure());
        assertFalse(Transport.HTTP.isSecure());
        assertTrue(Transport.WS.isWebSocket());
        assertTrue(Transport.WSS.isWebSocket());
        assertFalse(Transport.HTTP.isWebSocket());
        assertFalse(Transport.HTTPS.isWebSocket());
    }

    @Test
    void multipleHostsEachWithOrWithoutPort() throws SQLException {
        JdbcUrl u = JdbcUrl.parse("jdbc:surrealdb:wss://a.example.com,b.example.com:9443,[::1],[fe80::1]:7000/ns/db");
        assertEquals(List.of(new HostAndPort("a.example.com", 443), new HostAndPort("b.example.com", 9443),
                new HostAndPort("::1", 443), new HostAndPort("fe80::1", 7000)), u.hosts());
        assertEquals(List.of(URI.create("wss://a.example.com:443/rpc"), URI.create("wss://b.example.com:9443/rpc"),
                URI.create("wss://[::1]:443/rpc"), URI.create("wss://[fe80::1]:7000/rpc")), u.rpcUris());
        assertEquals("ns", u.namespace());
        assertEquals("db", u.database());
    }

    @Test
    void ipv6() throws SQLException {
        JdbcUrl u = JdbcUrl.parse("jdbc:surrealdb://[::1]:8000/ns/db");
        HostAndPort h = u.hosts().get(0);
        assertEquals("::1", h.host());
        assertEquals(8000, h.port());
        assertTrue(h.isIpv6());
        assertEquals("[::1]:8000", h.toString());
        assertEquals("ws://[::1]:8000/rpc", u.rpcUri(h).toString());
        assertEquals(8000, JdbcUrl.parse("jdbc:surrealdb://[2001:db8::ff00:42:8329]").hosts().get(0).port());
        assertEquals("::ffff:192.0.2.1", JdbcUrl.parse("jdbc:surrealdb://[::ffff:192.0.2.1]:1").hosts().get(0).host());
    }

    @Test
    void ipv4AndNamesWithUnderscoresAndDashes() throws SQLException {
        assertEquals("127.0.0.1", JdbcUrl.parse("jdbc:surrealdb://127.0.0.1:8000").hosts().get(0).host());
        assertEquals("surreal_db-1.local", JdbcUrl.parse("jdbc:surrealdb://surreal_db-1.local").hosts().get(0).host());
        assertFalse(new HostAndPort("127.0.0.1", 1).isIpv6());
    }

    @ParameterizedTest
    @CsvSource(value = {
            "jdbc:surrealdb://h:8000 | null | null",
            "jdbc:surrealdb://h:8000/ | null | null",
            "jdbc:surrealdb://h:8000/ns | ns | null",
            "jdbc:surrealdb://h:8000/ns/ | ns | null",
            "jdbc:surrealdb://h:8000/ns/db | ns | db",
            "jdbc:surrealdb://h:8000/ns/db/ | ns | db",
            "jdbc:surrealdb://h:8000/ns/db?x=1 | ns | db",
            "jdbc:surrealdb://h:8000?x=1 | null | null",
            "jdbc:surrealdb://h/?x=1 | null | null",
            "jdbc:surrealdb://h/my%20ns/d%C3%BC%2Fb | my ns | dü/b",
            "jdbc:surrealdb://h/a+b/c | a+b | c",
    }, delimiter = '|', nullValues = "null")
    void namespaceAndDatabaseAreOptionalAndDecoded(String url, String ns, String db) throws SQLException {
        JdbcUrl u = JdbcUrl.parse(url);
        assertEquals(ns, u.namespace());
        assertEquals(db, u.database());
    }

    @Test
    void queryParametersAreDecodedAndLastWins() throws SQLException {
        JdbcUrl u = JdbcUrl.parse("jdbc:surrealdb://h/ns/db?user=r%C3%B6ot&password=p%26w%3D+x%25&a=1&a=2&flag"
                + "&&empty=&var.email=a%40b.c");
        Map<String, String> p = u.properties();
        assertEquals("röot", p.get("user"));
        assertEquals("p&w=+x%", p.get("password")); // '+' stays a plus
        assertEquals("2", p.get("a"));
        assertEquals("", p.get("flag"));
        assertEquals("", p.get("empty"));
        assertEquals("a@b.c", p.get("var.email"));
        assertEquals(List.of("user", "password", "a", "flag", "empty", "var.email"), List.copyOf(p.keySet()));
        assertThrows(UnsupportedOperationException.class, () -> p.put("x", "y"));
    }

    @Test
    void percentEncodedParameterNames() throws SQLException {
        assertEquals("5", JdbcUrl.parse("jdbc:surrealdb://h?connect%54imeout=5").properties().get("connectTimeout"));
    }

    @Test
    void emptyQuery() throws SQLException {
        assertTrue(JdbcUrl.parse("jdbc:surrealdb://h/ns?").properties().isEmpty());
    }

    // ------------------------------------------------------------------ malformed

    @ParameterizedTest
    @CsvSource(value = {
            "jdbc:postgresql://h/db | does not start with 'jdbc:surrealdb:'",
            "jdbc:surrealdb: | expected '//' or a transport",
            "jdbc:surrealdb:h:8000/ns | expected '//' or a transport (ws:, wss:, http:, https:) after 'jdbc:surrealdb:'",
            "jdbc:surrealdb:/h/ns | expected '//' or a transport",
            "jdbc:surrealdb:tcp://h | unknown transport 'tcp'; expected ws, wss, http or https",
            "jdbc:surrealdb:ws:/h | expected '//' after 'jdbc:surrealdb:ws:'",
            "jdbc:surrealdb:ws//h | expected '//' or a transport",
            "jdbc:surrealdb:// | the host is missing",
            "jdbc:surrealdb:///ns/db | the host is missing",
            "jdbc:surrealdb://?user=x | the host is missing",
            "jdbc:surrealdb://h:/ns | the port '' of host 'h' is not a number from 1 to 65535",
            "jdbc:surrealdb://h:abc | the port 'abc' of host 'h' is not a number",
            "jdbc:surrealdb://h:-1 | the port '-1' of host 'h' is not a number",
            "jdbc:surrealdb://h:0 | the port 0 of host 'h' is out of range (1 to 65535)",
            "jdbc:surrealdb://h:65536 | the port 65536 of host 'h' is out of range",
            "jdbc:surrealdb://h:123456 | the port '123456' of host 'h' is not a number",
            "jdbc:surrealdb://h:80:90 | looks like an IPv6 address; put it in brackets",
            "jdbc:surrealdb://::1/ns | looks like an IPv6 address; put it in brackets",
            "jdbc:surrealdb://[::1/ns | has no closing ']'",
            "jdbc:surrealdb://[::1]x/ns | unexpected 'x' after the IPv6 address [::1]",
            "jdbc:surrealdb://[]:80 | '[]' is not a valid IPv6 address",
            "jdbc:surrealdb://[host]:80 | '[host]' is not a valid IPv6 address",
            "jdbc:surrealdb://[::1]:99999 | the port 99999 of host '::1' is out of range",
            "jdbc:surrealdb://a,,b | the host list has an empty entry",
            "jdbc:surrealdb://a, | the host list has an empty entry",
            "jdbc:surrealdb://:8000 | a host name is empty",
            "jdbc:surrealdb://bad host/ns | 'bad host' is not a valid host name",
            "jdbc:surrealdb://h/ns/db/extra | the path has 3 segments; it can only be /namespace/database (the driver adds /rpc itself)",
            "jdbc:surrealdb://h//db | the namespace in the path is empty",
            "jdbc:surrealdb://h/ns//x | the path has 3 segments",
            "jdbc:surrealdb://h/ns/db#frag | a URL fragment ('#') is not allowed",
            "jdbc:surrealdb://h/n%zzs | bad percent-encoding in namespace",
            "jdbc:surrealdb://h/ns/d%4 | bad percent-encoding in database",
            "jdbc:surrealdb://h/ns/d%C3 | bad percent-encoding in database: the escaped bytes are not valid UTF-8",
            "jdbc:surrealdb://h?=1 | a query parameter has an empty name",
            "jdbc:surrealdb://h?a=%G0 | bad percent-encoding in the value of parameter 'a'",
            "jdbc:surrealdb://h?a%=1 | bad percent-encoding in a parameter name",
            "jdbc:surrealdb://user@h/ns | credentials in the host part ('user:password@host') are not supported",
    }, delimiter = '|')
    void malformedUrlsFailWith08001AndSayWhy(String url, String problem) {
        SQLException e = assertThrows(SQLException.class, () -> JdbcUrl.parse(url));
        assertInstanceOf(SQLNonTransientConnectionException.class, e);
        assertEquals("08001", e.getSQLState());
        assertTrue(e.getMessage().contains(problem), () -> "message: " + e.getMessage());
        assertTrue(e.getMessage().startsWith("Invalid SurrealDB JDBC URL '"), e.getMessage());
        assertTrue(e.getMessage().endsWith("Expected " + JdbcUrl.EXPECTED_FORM), e.getMessage());
    }

    @Test
    void nullUrl() {
        SQLException e = assertThrows(SQLException.class, () -> JdbcUrl.parse(null));
        assertEquals("08001", e.getSQLState());
        assertTrue(e.getMessage().contains("the URL is null"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "jdbc:surrealdb:tcp://h/ns?password=s3cr3t&user=bob",
            "jdbc:surrealdb://h:99999/ns?user=bob&password=s3cr3t",
            "jdbc:surrealdb://h/a/b/c?token=s3cr3t",
            "jdbc:surrealdb://h/ns?trustStorePassword=s3cr3t#x",
            "jdbc:surrealdb://h/ns?TrustStorePassword=s3cr3t&a=%zz",
            "jdbc:surrealdb://h/ns?pass=s3cr3t&=1",
            "jdbc:surrealdb://h/n%zz?var.pass=s3cr3t",
            "jdbc:surrealdb://h/n%zz?var.userPassword=s3cr3t",
            "jdbc:surrealdb://h/n%zz?var.clientSecret=s3cr3t",
            "jdbc:surrealdb://h/n%zz?var.apiKey=s3cr3t",
            "jdbc:surrealdb://bob:s3cr3t@h/ns",
            "jdbc:surrealdb://h/ns/db/x;password=s3cr3t",
            "jdbc:surrealdb://h/n%zz?pass%77ord=s3cr3t",
            "jdbc:surrealdb://h/n%zz?password=s3cr3t&password=s3cr3t",
    })
    void messagesNeverShowSecrets(String url) {
        SQLException e = assertThrows(SQLException.class, () -> JdbcUrl.parse(url));
        assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
        assertTrue(e.getMessage().contains("***"), e.getMessage());
    }

    @Test
    void toStringRedactsSecretsButKeepsTheRest() throws SQLException {
        JdbcUrl u = JdbcUrl.parse("jdbc:surrealdb://h/ns/db?user=bob&password=s3cr3t&token=t0k&var.email=a@b"
                + "&var.pass=pw&trustStorePassword=tp&connectTimeout=5");
        String s = u.toString();
        assertEquals("jdbc:surrealdb://h/ns/db?user=bob&password=***&token=***&var.email=a@b"
                + "&var.pass=***&trustStorePassword=***&connectTimeout=5", s);
    }

    @Test
    void redactHandlesMalformedInput() {
        assertNull(JdbcUrl.redact(null));
        assertEquals("x?password=***&pass=***", JdbcUrl.redact("x?password=a&pass=b"));
        assertEquals("x?password=", JdbcUrl.redact("x?password="), "nothing to hide");
        assertEquals("jdbc:surrealdb://u:***@h", JdbcUrl.redact("jdbc:surrealdb://u:p@h"));
        assertEquals("jdbc:surrealdb://u@h", JdbcUrl.redact("jdbc:surrealdb://u@h"));
        assertEquals("x?a%zz=1&password=***", JdbcUrl.redact("x?a%zz=1&password=2"));
    }

    @Test
    void longUrlsAreShortenedInMessages() {
        String url = "jdbc:surrealdb://h/" + "n".repeat(500) + "/d/e";
        SQLException e = assertThrows(SQLException.class, () -> JdbcUrl.parse(url));
        assertTrue(e.getMessage().length() < 700, e.getMessage());
        assertTrue(e.getMessage().contains("..."));
    }

    @Test
    void percentDecode() {
        assertEquals("a b", JdbcUrl.percentDecode("a%20b"));
        assertEquals("a+b", JdbcUrl.percentDecode("a+b"));
        assertEquals("€", JdbcUrl.percentDecode("%E2%82%AC"));
        assertEquals("plain", JdbcUrl.percentDecode("plain"));
        assertThrows(IllegalArgumentException.class, () -> JdbcUrl.percentDecode("%"));
        assertThrows(IllegalArgumentException.class, () -> JdbcUrl.percentDecode("%4"));
        assertThrows(IllegalArgumentException.class, () -> JdbcUrl.percentDecode("%FF"));
    }
}
