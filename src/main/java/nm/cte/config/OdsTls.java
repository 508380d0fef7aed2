package nm.cte.config;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the publisher trusts the ODS/API's certificate: the JVM's trusted authorities by default, a trust store of the
 * operator's, or (only when the operator says so explicitly, and then loudly) nothing at all.
 */
final class OdsTls {

    private static final Logger LOG = LoggerFactory.getLogger(OdsTls.class);

    private OdsTls() {
    }

    static SSLContext context(Settings settings) {
        try {
            if (!settings.odsTlsVerify()) {
                LOG.warn("TLS certificate verification of the ODS/API is OFF ({}=false): anyone between this machine and the"
                        + " ODS can read the students' records and the credentials. Use a trust store ({}) instead.",
                        Settings.variable(Settings.ODS_TLS_VERIFY), Settings.variable(Settings.ODS_TRUST_STORE));
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, new TrustManager[] {new TrustingEverything()}, null);
                return context;
            }
            var store = settings.optional(Settings.ODS_TRUST_STORE);
            if (store.isEmpty()) {
                return SSLContext.getDefault();
            }
            KeyStore trusted = KeyStore.getInstance(settings.optional(Settings.ODS_TRUST_STORE_TYPE).orElse("PKCS12"));
            char[] password = settings.secret(Settings.ODS_TRUST_STORE_PASSWORD).map(String::toCharArray).orElse(null);
            try (InputStream in = Files.newInputStream(Path.of(store.get()))) {
                trusted.load(in, password);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new SettingException(Settings.variable(Settings.ODS_TRUST_STORE) + " cannot be used: " + e.getMessage());
        }
    }

    /** The explicit, logged choice of an operator who cannot get a certificate trusted otherwise. */
    private static final class TrustingEverything extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
