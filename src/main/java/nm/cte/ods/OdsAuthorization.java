package nm.cte.ods;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Supplier;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;

/**
 * Puts the shared access token on every request of the HTTP endpoint, inside the HTTP client, so that no Camel header,
 * trace or error message can ever show it; a token the ODS refuses (401) is renewed once and the request repeated
 * (D11). It also times each request for the metrics.
 */
public final class OdsAuthorization implements HttpClientConfigurer {

    /** Told of every request to the ODS: how long it took and its status (0: no answer). */
    public interface RequestObserver {
        void answered(Duration took, int status);
    }

    /** The token a request carried, kept in its context for the renewal on a 401. */
    private static final String TOKEN = "nm.cte.ods.token";

    private final Supplier<AccessTokens> tokens;
    private final RequestObserver observer;

    /** @param tokens made on first use, so that a run that sends nothing needs no ODS settings */
    public OdsAuthorization(Supplier<AccessTokens> tokens, RequestObserver observer) {
        this.tokens = tokens;
        this.observer = observer;
    }

    @Override
    public void configureHttpClient(HttpClientBuilder client) {
        client.addExecInterceptorFirst("ods-token-renewal", new RenewalOnRefusal());
        // the token is taken once the request has its connection: one that waited for a connection never leaves
        // with a token that expired meanwhile
        client.addExecInterceptorBefore(ChainElement.MAIN_TRANSPORT.name(), "ods-bearer-token", new BearerToken());
    }

    /** A 401: the token is renewed and the request sent once more, from the start of the chain. */
    private final class RenewalOnRefusal implements ExecChainHandler {

        @Override
        public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
                throws IOException, HttpException {
            ClassicHttpResponse response = chain.proceed(request, scope);
            if (response.getCode() != 401) {
                return response;
            }
            EntityUtils.consume(response.getEntity());
            response.close();
            tokens.get().refused((AccessTokens.AccessToken) scope.clientContext.getAttribute(TOKEN));
            // the entity is the marshalled record, a byte array: it can be sent again as it is
            return chain.proceed(ClassicRequestBuilder.copy(scope.originalRequest).build(), scope);
        }
    }

    /** The current token on the request, and the time to its answer. */
    private final class BearerToken implements ExecChainHandler {

        @Override
        public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
                throws IOException, HttpException {
            AccessTokens.AccessToken token = tokens.get().current();
            scope.clientContext.setAttribute(TOKEN, token);
            request.setHeader("Authorization", "Bearer " + token.value().reveal());
            request.setHeader("Accept", "application/json");
            long start = System.nanoTime();
            int status = 0;
            try {
                ClassicHttpResponse response = chain.proceed(request, scope);
                status = response.getCode();
                return response;
            } finally {
                observer.answered(Duration.ofNanos(System.nanoTime() - start), status);
            }
        }
    }
}
