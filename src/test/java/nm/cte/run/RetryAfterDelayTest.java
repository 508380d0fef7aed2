package nm.cte.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.Map;
import nm.cte.ods.OdsUnavailableException;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** D11: the next redelivery waits as long as the ODS's Retry-After asked. */
class RetryAfterDelayTest {

    private static Exchange failedWith(Exception failure) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, failure);
        return exchange;
    }

    private static HttpOperationFailedException answered(int status, Map<String, String> headers) {
        return new HttpOperationFailedException("http://ods/data/v3/ed-fi/x", status, null, null, headers, "");
    }

    @Test
    void retryAfterOfTheOdsAnswerBecomesTheNextRedeliveryDelay() {
        Exchange exchange = failedWith(answered(429, Map.of("retry-after", "3")));

        new RetryAfterDelay().process(exchange);

        assertEquals(3000L, exchange.getMessage().getHeader(Exchange.REDELIVERY_DELAY));
    }

    @Test
    void retryAfterOfTheTokenEndpointBecomesTheNextRedeliveryDelay() {
        Exchange exchange = failedWith(new OdsUnavailableException(503, "", Duration.ofSeconds(2), "busy"));

        new RetryAfterDelay().process(exchange);

        assertEquals(2000L, exchange.getMessage().getHeader(Exchange.REDELIVERY_DELAY));
    }

    @Test
    void withoutRetryAfterTheBackOffDecides() {
        Exchange exchange = failedWith(answered(500, Map.of("Content-Type", "application/json")));
        exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, 3000L);

        new RetryAfterDelay().process(exchange);

        assertNull(exchange.getMessage().getHeader(Exchange.REDELIVERY_DELAY));
    }
}
