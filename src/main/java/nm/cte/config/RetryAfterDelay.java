package nm.cte.config;

import java.time.Duration;
import nm.cte.ods.OdsUnavailableException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Honours the ODS's Retry-After (D11): when a failed request carried one, the next redelivery waits that long
 * instead of the back-off's own delay.
 */
public final class RetryAfterDelay implements Processor {

    @Override
    public void process(Exchange exchange) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (failure instanceof OdsUnavailableException unavailable && unavailable.getRetryAfter() != null) {
            Duration wait = unavailable.getRetryAfter();
            exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, wait.toMillis());
        } else {
            exchange.getMessage().removeHeader(Exchange.REDELIVERY_DELAY);
        }
    }
}
