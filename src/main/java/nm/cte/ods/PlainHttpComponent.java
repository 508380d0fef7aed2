package nm.cte.ods;

import java.io.IOException;
import java.security.GeneralSecurityException;
import javax.net.ssl.HostnameVerifier;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;

/**
 * Camel's {@code http} component, for an ODS/API on plain http: each of its endpoints makes a TLS context only if a
 * connection needs one (none does: redirects are not followed). Camel's own makes one for every endpoint it creates,
 * reading and parsing the JVM's trusted certificates, about a fifth of a second of a run's start before its first
 * request on this machine. An https ODS/API is the {@code https} component's, which needs its TLS context anyway.
 */
public final class PlainHttpComponent extends HttpComponent {

    @Override
    protected TlsSocketStrategy createTlsStrategy(HostnameVerifier hostnameVerifier, HostnameVerificationPolicy policy,
                                                  SSLContextParameters parameters, boolean useSystemProperties) {
        return new TlsAtFirstUse(() -> tlsStrategy(hostnameVerifier, policy, parameters, useSystemProperties));
    }

    private TlsSocketStrategy tlsStrategy(HostnameVerifier hostnameVerifier, HostnameVerificationPolicy policy,
                                          SSLContextParameters parameters, boolean useSystemProperties)
            throws GeneralSecurityException, IOException {
        return super.createTlsStrategy(hostnameVerifier, policy, parameters, useSystemProperties);
    }
}
