package dev.surrealj.rpc;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.security.KeyStore;
import javax.net.ssl.TrustManagerFactory;

/** Builds the client {@link SslContext} of {@link TlsOptions}. */
final class SslContexts {
    private static final System.Logger LOG = System.getLogger("dev.surrealj.rpc");

    private SslContexts() {
    }

    static SslContext forClient(TlsOptions tls) {
        try {
            SslContextBuilder b = SslContextBuilder.forClient().sslProvider(SslProvider.JDK);
            switch (tls.mode()) {
                case SYSTEM -> b.endpointIdentificationAlgorithm("HTTPS");
                case TRUST_STORE -> {
                    KeyStore ks = KeyStore.getInstance(tls.trustStoreType());
                    try (InputStream in = Files.newInputStream(tls.trustStorePath())) {
                        ks.load(in, tls.trustStorePassword());
                    }
                    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                    tmf.init(ks);
                    b.trustManager(tmf).endpointIdentificationAlgorithm("HTTPS");
                }
                case INSECURE -> {
                    LOG.log(Level.WARNING, "TLS certificate and host name checks are DISABLED (insecure mode):"
                            + " for development only");
                    b.trustManager(InsecureTrustManagerFactory.INSTANCE).endpointIdentificationAlgorithm(null);
                }
            }
            return b.build();
        } catch (Exception e) {
            throw new SurrealException(SurrealException.Category.CONNECTION,
                    "cannot set up TLS (" + tls + "): " + e.getMessage(), e);
        }
    }
}
