package dev.surrealj.jdbc;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed and validated SurrealJ JDBC URL.
 *
 * <pre>
 * jdbc:surrealdb://host[:port][,host2[:port]...][/namespace[/database]][?key=value[&amp;key=value...]]
 * jdbc:surrealdb:ws://...    jdbc:surrealdb:wss://...    (WebSocket, plain or TLS)
 * jdbc:surrealdb:http://...  jdbc:surrealdb:https://...  (stateless HTTP RPC)
 * </pre>
 *
 * <ul>
 *   <li>Without a transport ({@code jdbc:surrealdb://}) the connection is a plain WebSocket.</li>
 *   <li>Default port: 8000 for {@code ws} and {@code http}, 443 for {@code wss} and {@code https}.</li>
 *   <li>IPv6 addresses go in brackets: {@code jdbc:surrealdb://[::1]:8000/ns/db}.</li>
 *   <li>Several hosts, separated by commas, are tried in order (see {@code loadBalanceHosts}).</li>
 *   <li>Namespace and database are optional path segments, percent-decoded as UTF-8; a trailing
 *       slash is allowed. The driver adds the {@code /rpc} endpoint path itself.</li>
 *   <li>Query parameters are connection properties ({@link ConnectionProperty}); names and values
 *       are percent-decoded ({@code +} stays a plus sign: write a space as {@code %20}); a name
 *       without {@code =} has an empty value (a boolean property then means {@code true}); when a
 *       name is repeated the last value wins.</li>
 *   <li>Credentials do not belong in the authority ({@code user:pass@host} is rejected): pass them
 *       as {@code user}/{@code password} properties.</li>
 * </ul>
 *
 * <p>A malformed URL fails with SQLState {@code 08001} (the connection cannot be established), the
 * message naming what is wrong and showing the expected form. Messages and {@link #toString()} never
 * show secret values ({@code password}, {@code token}, {@code trustStorePassword}, secret
 * {@code var.*} values): they are replaced by {@code ***}.
 *
 * <pre>{@code
 * JdbcUrl url = JdbcUrl.parse("jdbc:surrealdb:wss://db.example.com/shop/main?connectTimeout=5");
 * url.transport();          // WSS
 * url.hosts();              // [db.example.com:443]
 * url.namespace();          // "shop"
 * url.rpcUris();            // [wss://db.example.com:443/rpc]
 * url.properties();         // {connectTimeout=5}
 * }</pre>
 */
final class JdbcUrl {
    /** Every SurrealJ URL starts with this. */
    static final String PREFIX = "jdbc:surrealdb:";

    /** The expected form, shown in error messages. */
    static final String EXPECTED_FORM =
            "jdbc:surrealdb:[ws:|wss:|http:|https:]//host[:port][,host2[:port]...][/namespace[/database]][?key=value&...]";

    /** How the driver talks to the server. */
    enum Transport {
        /** WebSocket, no TLS (the default). */
        WS("ws", 8000),
        /** WebSocket over TLS. */
        WSS("wss", 443),
        /** HTTP {@code POST /rpc}, no TLS: stateless, no live queries or interactive transactions. */
        HTTP("http", 8000),
        /** HTTP over TLS. */
        HTTPS("https", 443);

        private final String scheme;
        private final int defaultPort;

        Transport(String scheme, int defaultPort) {
            this.scheme = scheme;
            this.defaultPort = defaultPort;
        }

        /** The URI scheme: {@code ws}, {@code wss}, {@code http} or {@code https}. */
        String scheme() {
            return scheme;
        }

        /** The port used when the URL gives none. */
        int defaultPort() {
            return defaultPort;
        }

        /** Whether the transport uses TLS. */
        boolean isSecure() {
            return this == WSS || this == HTTPS;
        }

        /** Whether the transport is a WebSocket (stateful; live queries and transactions). */
        boolean isWebSocket() {
            return this == WS || this == WSS;
        }

        static Transport ofScheme(String scheme) {
            for (Transport t : values()) {
                if (t.scheme.equalsIgnoreCase(scheme)) {
                    return t;
                }
            }
            return null;
        }
    }

    /**
     * One server address.
     *
     * @param host host name or IP address; an IPv6 address without brackets
     * @param port port, 1-65535
     */
    record HostAndPort(String host, int port) {
        HostAndPort {
            Objects.requireNonNull(host, "host");
        }

        /** Whether the host is an IPv6 literal. */
        boolean isIpv6() {
            return host.indexOf(':') >= 0;
        }

        /** {@code host:port}, with brackets around an IPv6 address. */
        @Override
        public String toString() {
            return (isIpv6() ? "[" + host + "]" : host) + ":" + port;
        }
    }

    private final String redactedUrl;
    private final Transport transport;
    private final boolean transportExplicit;
    private final List<HostAndPort> hosts;
    private final String namespace;
    private final String database;
    private final Map<String, String> properties;

    private JdbcUrl(String redactedUrl, Transport transport, boolean transportExplicit, List<HostAndPort> hosts,
                    String namespace, String database, Map<String, String> properties) {
        this.redactedUrl = redactedUrl;
        this.transport = transport;
        this.transportExplicit = transportExplicit;
        this.hosts = List.copyOf(hosts);
        this.namespace = namespace;
        this.database = database;
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /**
     * Whether this driver handles the URL: a cheap check of the {@code jdbc:surrealdb:} prefix
     * (case-insensitive), without validating the rest.
     */
    static boolean acceptsURL(String url) {
        return url != null && url.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    /**
     * Parses and validates a URL.
     *
     * @param url the JDBC URL
     * @return the parsed URL
     * @throws SQLException SQLState {@code 08001} when the URL is malformed; the message never shows
     *                      secret values
     */
    static JdbcUrl parse(String url) throws SQLException {
        if (url == null) {
            throw malformed(null, "the URL is null");
        }
        String redacted = redact(url);
        if (!acceptsURL(url)) {
            throw malformed(redacted, "it does not start with '" + PREFIX + "'");
        }
        String rest = url.substring(PREFIX.length());

        // transport
        Transport transport = Transport.WS;
        boolean explicit = false;
        if (!rest.startsWith("//")) {
            int colon = rest.indexOf(':');
            int slash = rest.indexOf('/');
            if (colon <= 0 || (slash >= 0 && slash < colon)) {
                throw malformed(redacted, "expected '//' or a transport (ws:, wss:, http:, https:) after '"
                        + PREFIX + "'");
            }
            String scheme = rest.substring(0, colon);
            transport = Transport.ofScheme(scheme);
            if (transport == null && !rest.startsWith("//", colon + 1)) {
                throw malformed(redacted, "expected '//' or a transport (ws:, wss:, http:, https:) after '"
                        + PREFIX + "'");
            }
            if (transport == null) {
                throw malformed(redacted, "unknown transport '" + shorten(scheme)
                        + "'; expected ws, wss, http or https");
            }
            explicit = true;
            rest = rest.substring(colon + 1);
            if (!rest.startsWith("//")) {
                throw malformed(redacted, "expected '//' after '" + PREFIX + transport.scheme + ":'");
            }
        }
        rest = rest.substring(2);

        int hash = rest.indexOf('#');
        if (hash >= 0) {
            throw malformed(redacted, "a URL fragment ('#') is not allowed; percent-encode a '#' in a value as %23");
        }

        // split authority / path / query
        int query = rest.indexOf('?');
        String beforeQuery = query >= 0 ? rest.substring(0, query) : rest;
        String queryPart = query >= 0 ? rest.substring(query + 1) : null;
        int slash = beforeQuery.indexOf('/');
        String authority = slash >= 0 ? beforeQuery.substring(0, slash) : beforeQuery;
        String path = slash >= 0 ? beforeQuery.substring(slash) : "";

        List<HostAndPort> hosts = parseHosts(authority, transport, redacted);

        // path: /namespace/database
        String namespace = null;
        String database = null;
        if (!path.isEmpty() && !path.equals("/")) {
            String p = path.substring(1);
            if (p.endsWith("/")) {
                p = p.substring(0, p.length() - 1);
            }
            String[] segments = p.split("/", -1);
            if (segments.length > 2) {
                throw malformed(redacted, "the path has " + segments.length
                        + " segments; it can only be /namespace/database (the driver adds /rpc itself)");
            }
            for (int i = 0; i < segments.length; i++) {
                if (segments[i].isEmpty()) {
                    throw malformed(redacted, "the " + (i == 0 ? "namespace" : "database")
                            + " in the path is empty");
                }
            }
            namespace = decode(segments[0], "namespace", redacted);
            if (segments.length > 1) {
                database = decode(segments[1], "database", redacted);
            }
        }

        // query
        Map<String, String> props = new LinkedHashMap<>();
        if (queryPart != null && !queryPart.isEmpty()) {
            for (String pair : queryPart.split("&", -1)) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String rawKey = eq >= 0 ? pair.substring(0, eq) : pair;
                String rawValue = eq >= 0 ? pair.substring(eq + 1) : "";
                String key = decode(rawKey, "a parameter name", redacted).trim();
                if (key.isEmpty()) {
                    throw malformed(redacted, "a query parameter has an empty name");
                }
                String value = decode(rawValue, "the value of parameter '" + key + "'", redacted);
                props.remove(key); // last wins, and keeps the order of the last occurrence
                props.put(key, value);
            }
        }
        return new JdbcUrl(redacted, transport, explicit, hosts, namespace, database, props);
    }

    private static List<HostAndPort> parseHosts(String authority, Transport transport, String redacted)
            throws SQLException {
        if (authority.isEmpty()) {
            throw malformed(redacted, "the host is missing");
        }
        if (authority.indexOf('@') >= 0) {
            throw malformed(redacted, "credentials in the host part ('user:password@host') are not supported; "
                    + "pass them as the 'user' and 'password' properties");
        }
        List<HostAndPort> hosts = new ArrayList<>();
        for (String item : authority.split(",", -1)) {
            if (item.isEmpty()) {
                throw malformed(redacted, "the host list has an empty entry");
            }
            String host;
            String portText = null;
            if (item.startsWith("[")) {
                int close = item.indexOf(']');
                if (close < 0) {
                    throw malformed(redacted, "the IPv6 address '" + shorten(item) + "' has no closing ']'");
                }
                host = item.substring(1, close);
                String after = item.substring(close + 1);
                if (!after.isEmpty()) {
                    if (!after.startsWith(":")) {
                        throw malformed(redacted, "unexpected '" + shorten(after) + "' after the IPv6 address ["
                                + shorten(host) + "]");
                    }
                    portText = after.substring(1);
                }
                if (host.isEmpty() || !host.matches("[0-9A-Fa-f:.]+") || host.indexOf(':') < 0) {
                    throw malformed(redacted, "'[" + shorten(host) + "]' is not a valid IPv6 address");
                }
            } else {
                int colon = item.indexOf(':');
                if (colon >= 0 && item.indexOf(':', colon + 1) >= 0) {
                    throw malformed(redacted, "'" + shorten(item)
                            + "' looks like an IPv6 address; put it in brackets, e.g. [::1]:8000");
                }
                host = colon >= 0 ? item.substring(0, colon) : item;
                portText = colon >= 0 ? item.substring(colon + 1) : null;
                if (host.isEmpty()) {
                    throw malformed(redacted, "a host name is empty in '" + shorten(item) + "'");
                }
                if (!host.matches("[A-Za-z0-9._-]+")) {
                    throw malformed(redacted, "'" + shorten(host) + "' is not a valid host name");
                }
            }
            int port = transport.defaultPort();
            if (portText != null) {
                if (portText.isEmpty() || portText.length() > 5 || !portText.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    throw malformed(redacted, "the port '" + shorten(portText) + "' of host '" + shorten(host)
                            + "' is not a number from 1 to 65535");
                }
                port = Integer.parseInt(portText);
                if (port < 1 || port > 65535) {
                    throw malformed(redacted, "the port " + port + " of host '" + shorten(host)
                            + "' is out of range (1 to 65535)");
                }
            }
            hosts.add(new HostAndPort(host, port));
        }
        return hosts;
    }

    /** The transport; {@link Transport#WS} when the URL names none. */
    Transport transport() {
        return transport;
    }

    /** Whether the URL named the transport ({@code jdbc:surrealdb:wss://…}). */
    boolean isTransportExplicit() {
        return transportExplicit;
    }

    /** The servers, in URL order (at least one); ports filled with the transport's default. */
    List<HostAndPort> hosts() {
        return hosts;
    }

    /** The namespace of the URL path (percent-decoded), or {@code null}. */
    String namespace() {
        return namespace;
    }

    /** The database of the URL path (percent-decoded), or {@code null}. */
    String database() {
        return database;
    }

    /**
     * The query parameters, decoded, in URL order (unmodifiable). Values are as given, secrets
     * included: do not log this map, use {@link #toString()}.
     */
    Map<String, String> properties() {
        return properties;
    }

    /** The RPC endpoint of each host, e.g. {@code wss://db.example.com:443/rpc}. */
    List<URI> rpcUris() {
        List<URI> uris = new ArrayList<>(hosts.size());
        for (HostAndPort h : hosts) {
            uris.add(rpcUri(h));
        }
        return uris;
    }

    /** The RPC endpoint of one host, e.g. {@code ws://[::1]:8000/rpc}. */
    URI rpcUri(HostAndPort host) {
        try {
            return new URI(transport.scheme() + "://" + host + "/rpc");
        } catch (URISyntaxException e) {
            throw new IllegalStateException("not a valid URI for " + host, e);
        }
    }

    /** The URL with secret values replaced by {@code ***}. */
    @Override
    public String toString() {
        return redactedUrl;
    }

    // ------------------------------------------------------------------ helpers

    private static final Pattern SECRET_PARAM = Pattern.compile("([?&;])([^=&;#]*)=([^&;#]*)");
    private static final Pattern USER_INFO = Pattern.compile("(//)([^/?#@]*)@");

    /**
     * This URL with the values of secret parameters (and any {@code user:password@} part) replaced
     * by {@code ***}; safe to log. Works on malformed URLs too.
     */
    static String redact(String url) {
        if (url == null) {
            return null;
        }
        Matcher ui = USER_INFO.matcher(url);
        String s = url;
        if (ui.find()) {
            String info = ui.group(2);
            int colon = info.indexOf(':');
            String shown = colon >= 0 ? info.substring(0, colon) + ":" + ConnectionProperty.REDACTED : info;
            s = url.substring(0, ui.start(2)) + shown + url.substring(ui.end(2));
        }
        Matcher m = SECRET_PARAM.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String key = m.group(2);
            String decodedKey;
            try {
                decodedKey = percentDecode(key);
            } catch (IllegalArgumentException e) {
                decodedKey = key;
            }
            if (!m.group(3).isEmpty() && ConnectionProperty.isSecretKey(decodedKey.trim())) {
                m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + key + "=" + ConnectionProperty.REDACTED));
            } else {
                m.appendReplacement(sb, Matcher.quoteReplacement(m.group()));
            }
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String decode(String raw, String what, String redacted) throws SQLException {
        try {
            return percentDecode(raw);
        } catch (IllegalArgumentException e) {
            throw malformed(redacted, "bad percent-encoding in " + what + ": " + e.getMessage());
        }
    }

    /**
     * RFC 3986 percent-decoding as UTF-8; {@code +} is kept.
     *
     * @throws IllegalArgumentException on a truncated or non-hex escape, or invalid UTF-8
     */
    static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '%') {
                bytes.reset();
                while (i < s.length() && s.charAt(i) == '%') {
                    if (i + 2 >= s.length()) {
                        throw new IllegalArgumentException("'%' must be followed by two hex digits");
                    }
                    int hi = Character.digit(s.charAt(i + 1), 16);
                    int lo = Character.digit(s.charAt(i + 2), 16);
                    if (hi < 0 || lo < 0) {
                        throw new IllegalArgumentException("'%' must be followed by two hex digits");
                    }
                    bytes.write(hi * 16 + lo);
                    i += 3;
                }
                try {
                    out.append(StandardCharsets.UTF_8.newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(bytes.toByteArray())));
                } catch (CharacterCodingException e) {
                    throw new IllegalArgumentException("the escaped bytes are not valid UTF-8");
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static String shorten(String s) {
        return s.length() > 64 ? s.substring(0, 61) + "..." : s;
    }

    private static SQLException malformed(String redactedUrl, String problem) {
        String shown = redactedUrl == null ? "" : " '" + (redactedUrl.length() > 300
                ? redactedUrl.substring(0, 297) + "..." : redactedUrl) + "'";
        return new SQLNonTransientConnectionException("Invalid SurrealDB JDBC URL" + shown + ": " + problem
                + ". Expected " + EXPECTED_FORM, SqlStates.CONNECTION_UNABLE_TO_CONNECT);
    }
}
