package nm.cte.ods;

import java.net.Socket;
import java.security.cert.X509Certificate;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.apache.hc.client5.http.ssl.DefaultHostnameVerifier;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;

/**
 * How the publisher trusts the ODS/API's certificate, as Camel's TLS parameters for the HTTP endpoint and the token
 * endpoint alike: the JVM's trusted authorities by default, a trust store of the operator's, or (only when the
 * operator says so, and then loudly) nothing at all.
 */
public record OdsTrust(SSLContextParameters parameters, HostnameVerifier hostnames) {

    /**
     * @param verify   false trusts any certificate and any host name
     * @param store    a trust store file, or null for the JVM's trusted authorities
     * @param password the trust store's password, or null
     */
    public static OdsTrust of(boolean verify, String store, String type, String password) {
        SSLContextParameters parameters = new SSLContextParameters();
        if (!verify) {
            TrustManagersParameters everything = new TrustManagersParameters();
            everything.setTrustManager(new TrustingEverything());
            parameters.setTrustManagers(everything);
            return new OdsTrust(parameters, NoopHostnameVerifier.INSTANCE);
        }
        if (store != null) {
            KeyStoreParameters trusted = new KeyStoreParameters();
            trusted.setResource("file:" + store);
            trusted.setType(type);
            trusted.setPassword(password);
            TrustManagersParameters managers = new TrustManagersParameters();
            managers.setKeyStore(trusted);
            parameters.setTrustManagers(managers);
        }
        return new OdsTrust(parameters, new DefaultHostnameVerifier());
    }

    /**
     * The explicit choice of an operator who cannot get a certificate trusted otherwise. An extended trust manager,
     * because the JDK checks the host name of any other kind itself.
     */
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
