package dev.surrealj.rpc;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How {@code wss://} and {@code https://} connections check the server's certificate.
 *
 * <pre>{@code
 * TlsOptions.system();                                              // the JVM's default trust store (default)
 * TlsOptions.trustStore(Path.of("truststore.p12"), "changeit".toCharArray(), "PKCS12");
 * TlsOptions.insecure();                                            // trusts anything: development only
 * }</pre>
 *
 * <p>The host name is verified against the certificate except in insecure mode. Insecure mode is
 * logged as a warning on every connection.
 */
public final class TlsOptions {
    enum Mode { SYSTEM, TRUST_STORE, INSECURE }

    private static final TlsOptions SYSTEM = new TlsOptions(Mode.SYSTEM, null, null, null);
    private static final TlsOptions INSECURE = new TlsOptions(Mode.INSECURE, null, null, null);

    private final Mode mode;
    private final Path trustStore;
    private final char[] password;
    private final String type;

    private TlsOptions(Mode mode, Path trustStore, char[] password, String type) {
        this.mode = mode;
        this.trustStore = trustStore;
        this.password = password;
        this.type = type;
    }

    /** Trust the certificates of the JVM's default trust store ({@code cacerts}). */
    public static TlsOptions system() {
        return SYSTEM;
    }

    /**
     * Trust the certificates of this key store.
     *
     * @param path the trust store file
     * @param password its password, or {@code null}
     * @param type {@code PKCS12} (when {@code null}), {@code JKS} …
     */
    public static TlsOptions trustStore(Path path, char[] password, String type) {
        return new TlsOptions(Mode.TRUST_STORE, Objects.requireNonNull(path, "path"),
                password == null ? null : password.clone(), type == null ? "PKCS12" : type);
    }

    /** Trust every certificate and skip the host name check. Development only: logged as a warning. */
    public static TlsOptions insecure() {
        return INSECURE;
    }

    Mode mode() {
        return mode;
    }

    Path trustStorePath() {
        return trustStore;
    }

    char[] trustStorePassword() {
        return password == null ? null : password.clone();
    }

    String trustStoreType() {
        return type;
    }

    @Override
    public String toString() {
        return switch (mode) {
            case SYSTEM -> "TlsOptions[system]";
            case INSECURE -> "TlsOptions[INSECURE]";
            case TRUST_STORE -> "TlsOptions[trustStore=" + trustStore + ", type=" + type + ", password=****]";
        };
    }
}
