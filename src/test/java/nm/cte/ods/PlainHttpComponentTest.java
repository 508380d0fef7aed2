package nm.cte.ods;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.junit.jupiter.api.Test;

/** An http ODS/API's endpoints make no TLS context: only a connection that needs TLS makes one, once. */
class PlainHttpComponentTest {

    @Test
    void anEndpointOfThePlainHttpComponentMakesNoTlsContext() throws Exception {
        Counting tls = new Counting();
        try (CamelContext context = new DefaultCamelContext()) {
            PlainHttpComponent http = new PlainHttpComponent();
            context.addComponent("http", http);
            context.start();

            http.createTlsStrategy(null, null, tls, false);

            assertEquals(0, tls.made.get(), "a TLS context made for an endpoint that connects over plain http");
        }
    }

    @Test
    void aConnectionThatNeedsTlsMakesItsContextOnceForAll() throws Exception {
        AtomicInteger made = new AtomicInteger();
        TlsSocketStrategy upgraded = (socket, target, port, attachment, context) -> null;
        TlsAtFirstUse tls = new TlsAtFirstUse(() -> {
            made.incrementAndGet();
            return upgraded;
        });

        tls.upgrade(new Socket(), "ods.example.org", 443, null, null);
        tls.upgrade(new Socket(), "ods.example.org", 443, null, null);

        assertEquals(1, made.get());
    }

    @Test
    void aTlsContextThatCannotBeMadeFailsTheConnectionNamingWhy() {
        TlsAtFirstUse tls = new TlsAtFirstUse(() -> {
            throw new java.security.KeyStoreException("the trust store is unreadable");
        });

        IOException failed = assertThrows(IOException.class, () -> tls.upgrade(new Socket(), "ods.example.org", 443, null, null));

        assertEquals("cannot make the TLS context of a connection to the ODS/API: the trust store is unreadable", failed.getMessage());
    }

    /** TLS parameters that count the contexts made of them. */
    private static final class Counting extends SSLContextParameters {
        final AtomicInteger made = new AtomicInteger();

        @Override
        public SSLContext createSSLContext(CamelContext camelContext) throws java.security.GeneralSecurityException, IOException {
            made.incrementAndGet();
            return super.createSSLContext(camelContext);
        }
    }
}
