package nm.cte.ods;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import nm.cte.config.PublisherMain;
import nm.cte.settings.SettingException;
import nm.cte.settings.Settings;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS to the ODS verifies its certificate by default; a trust store can be given; not verifying must be said. */
class OdsTlsTest {

    @TempDir
    Path folder;
    private Path keyStore;
    private HttpsServer ods;
    private final Map<String, String> settings = new HashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger tokenRequests = new java.util.concurrent.atomic.AtomicInteger();

    /** An ODS token endpoint behind a self-signed certificate, as a test or a district's own ODS has. */
    @BeforeEach
    void selfSignedOds() throws Exception {
        keyStore = folder.resolve("ods.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "ods", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", "changeit").redirectErrorStream(true).start();
        keytool.getInputStream().readAllBytes();
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, "keytool failed");
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);
        ods = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ods.setHttpsConfigurator(new HttpsConfigurator(tls));
        ods.createContext("/oauth/token", exchange -> {
            tokenRequests.incrementAndGet();
            byte[] token = "{\"access_token\":\"0123456789abcdef0123456789abcdef\",\"expires_in\":1800,\"token_type\":\"bearer\"}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, token.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(token);
            }
        });
        ods.start();
        settings.put(Settings.ODS_BASE_URL, "https://127.0.0.1:" + ods.getAddress().getPort());
        settings.put(Settings.ODS_CLIENT_ID, "district");
        settings.put(Settings.ODS_CLIENT_SECRET, "secret");
    }

    @AfterEach
    void stop() {
        ods.stop(0);
    }

    private void connect() throws Exception {
        Properties overrides = new Properties();
        overrides.putAll(settings);
        Settings resolved = PublisherMain.settings(overrides);
        OdsConnection connection = OdsSettings.connection(resolved, OdsSettings.trust(resolved), new DefaultCamelContext());
        connection.open(2027);
        connection.tokens().connect();
    }

    @Test
    void certificateNotTrustedIsRefusedByDefault() {
        assertThrows(SSLHandshakeException.class, this::connect);

        assertEquals(0, tokenRequests.get(), "a request went through an untrusted connection");
    }

    @Test
    void trustStoreOfTheOperatorIsUsed() throws Exception {
        settings.put(Settings.ODS_TRUST_STORE, keyStore.toString());
        settings.put(Settings.ODS_TRUST_STORE_PASSWORD, "changeit");

        connect();

        assertEquals(1, tokenRequests.get());
    }

    @Test
    void verificationOffMustBeSaidExplicitly() throws Exception {
        settings.put(Settings.ODS_TLS_VERIFY, "false");

        connect();

        assertEquals(1, tokenRequests.get());
    }

    @Test
    void verificationSettingTakesOnlyTrueOrFalse() {
        settings.put(Settings.ODS_TLS_VERIFY, "no");

        SettingException wrong = assertThrows(SettingException.class, this::connect);

        assertEquals("CTE_ODS_TLS_VERIFY must be true or false, not 'no'", wrong.getMessage());
    }

    @Test
    void unreadableTrustStoreNamesTheSetting() {
        settings.put(Settings.ODS_TRUST_STORE, folder.resolve("missing.p12").toString());

        SettingException wrong = assertThrows(SettingException.class, this::connect);

        assertTrue(wrong.getMessage().startsWith("CTE_ODS_TRUST_STORE cannot be used"), wrong.getMessage());
    }
}
