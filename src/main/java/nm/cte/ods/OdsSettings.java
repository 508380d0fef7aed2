package nm.cte.ods;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import nm.cte.edfi.DataStandard;
import nm.cte.settings.SettingException;
import nm.cte.settings.Settings;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The ODS/API the operator's settings name (D11): its certificate's trust and the connection a run sends on. */
public final class OdsSettings {

    private static final Logger LOG = LoggerFactory.getLogger(OdsSettings.class);

    private OdsSettings() {
    }

    /**
     * How the ODS's certificate is trusted (D11): made at start, since the HTTP component is configured with it, but
     * read only when a run first sends.
     */
    public static OdsTrust trust(Settings settings) {
        return OdsTrust.of(settings.odsTlsVerify(), settings.optional(Settings.ODS_TRUST_STORE).orElse(null),
                settings.defaulted(Settings.ODS_TRUST_STORE_TYPE), settings.secret(Settings.ODS_TRUST_STORE_PASSWORD).orElse(null));
    }

    /** The Ed-Fi API of D11 with the credentials from the environment, for the first run that reads it. */
    public static OdsConnection connection(Settings settings, OdsTrust trust, CamelContext context) {
        String baseUrl = settings.required(Settings.ODS_BASE_URL,
                "the URL of the Ed-Fi API that serves its discovery document, e.g. https://ods.ped.nm.gov/api");
        URI root;
        try {
            root = new URI(baseUrl);
        } catch (URISyntaxException e) {
            throw new SettingException(Settings.variable(Settings.ODS_BASE_URL) + " is not a URL: " + baseUrl);
        }
        if (root.getScheme() == null || !root.getScheme().matches("https?") || root.getHost() == null) {
            throw new SettingException(Settings.variable(Settings.ODS_BASE_URL) + " must be an http(s) URL, not " + baseUrl);
        }
        String clientId = settings.required(Settings.ODS_CLIENT_ID, "the ODS/API client key");
        Secret clientSecret = new Secret(settings.secret(Settings.ODS_CLIENT_SECRET).orElseThrow(() -> new SettingException(
                Settings.variable(Settings.ODS_CLIENT_SECRET) + " is not set: the ODS/API client secret (in the environment, or in a"
                        + " file named by " + Settings.variable(Settings.ODS_CLIENT_SECRET + "-file") + ")")));
        Supplier<SSLContext> tls = new TlsContext(trust, context);
        if ("https".equals(root.getScheme())) {
            // an https API: a trust store that cannot be used fails now, naming the setting
            tls.get();
        }
        if (!settings.odsTlsVerify()) {
            LOG.warn("TLS certificate verification of the ODS/API is OFF ({}=false): anyone between this machine and the"
                    + " ODS can read the students' records and the credentials. Use a trust store ({}) instead.",
                    Settings.variable(Settings.ODS_TLS_VERIFY), Settings.variable(Settings.ODS_TRUST_STORE));
        }
        Discovery.Overrides overrides = new Discovery.Overrides(settings.optional(Settings.ODS_TOKEN_URL).orElse(null),
                settings.optional(Settings.ODS_DATA_URL).orElse(null), settings.optional(Settings.ODS_INSTANCE).orElse(null),
                settings.dataStandard().map(DataStandard::number).orElse(null));
        return new OdsConnection(root, overrides,
                new OdsConnection.Credentials(clientId, clientSecret, settings.optional(Settings.ODS_SCOPE).orElse(null)),
                tls, trust.hostnames(), settings.odsConnectTimeout(), settings.odsResponseTimeout(), Clock.systemUTC());
    }

    /**
     * The TLS context of the operator's trust, made once when first asked for: an http API (a sandbox, a test ODS)
     * never loads the JVM's TLS and trusted certificates, unless its discovery document names an https URL.
     */
    private static final class TlsContext implements Supplier<SSLContext> {

        private final OdsTrust trust;
        private final CamelContext context;
        private SSLContext made;

        TlsContext(OdsTrust trust, CamelContext context) {
            this.trust = trust;
            this.context = context;
        }

        @Override
        public synchronized SSLContext get() {
            if (made == null) {
                try {
                    made = trust.parameters().createSSLContext(context);
                } catch (GeneralSecurityException | IOException e) {
                    throw new SettingException(Settings.variable(Settings.ODS_TRUST_STORE) + " cannot be used: " + e.getMessage());
                }
            }
            return made;
        }
    }
}
