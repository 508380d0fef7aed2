package nm.cte.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import nm.cte.ods.OdsUnavailableException;
import org.apache.camel.Exchange;
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

    @Test
    void retryAfterBecomesTheNextRedeliveryDelay() {
        Exchange exchange = failedWith(new OdsUnavailableException(429, Duration.ofSeconds(3), "busy"));

        new RetryAfterDelay().process(exchange);

        assertEquals(3000L, exchange.getMessage().getHeader(Exchange.REDELIVERY_DELAY));
    }

    @Test
    void withoutRetryAfterTheBackOffDecides() {
        Exchange exchange = failedWith(new OdsUnavailableException(500, null, "broken"));
        exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, 3000L);

        new RetryAfterDelay().process(exchange);

        assertNull(exchange.getMessage().getHeader(Exchange.REDELIVERY_DELAY));
    }
}
