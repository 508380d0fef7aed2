package nm.cte.ods;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.Callable;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * A TLS strategy made when a connection first needs TLS, not before: making one reads and parses the JVM's trusted
 * certificates, which the http component's endpoints never use when they only ever connect over plain http.
 */
final class TlsAtFirstUse implements TlsSocketStrategy {

    private final Callable<TlsSocketStrategy> make;
    private volatile TlsSocketStrategy made;

    /** @param make makes the strategy, once, at the first connection that needs TLS */
    TlsAtFirstUse(Callable<TlsSocketStrategy> make) {
        this.make = make;
    }

    @Override
    public SSLSocket upgrade(Socket socket, String target, int port, Object attachment, HttpContext context) throws IOException {
        return strategy().upgrade(socket, target, port, attachment, context);
    }

    private TlsSocketStrategy strategy() throws IOException {
        TlsSocketStrategy strategy = made;
        if (strategy == null) {
            synchronized (this) {
                strategy = made;
                if (strategy == null) {
                    try {
                        strategy = make.call();
                    } catch (IOException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new IOException("cannot make the TLS context of a connection to the ODS/API: " + e.getMessage(), e);
                    }
                    made = strategy;
                }
            }
        }
        return strategy;
    }
}
