package nm.cte.run;

import java.time.Duration;
import java.util.Map;
import nm.cte.ods.OdsUnavailableException;
import nm.cte.ods.RetryAfter;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.http.base.HttpOperationFailedException;

/**
 * Honours the ODS's Retry-After (D11): when a failed request's answer carried one, the next redelivery waits that
 * long instead of the back-off's own delay.
 */
public final class RetryAfterDelay implements Processor {

    @Override
    public void process(Exchange exchange) {
        Duration wait = retryAfter(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class));
        if (wait != null) {
            exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, wait.toMillis());
        } else {
            exchange.getMessage().removeHeader(Exchange.REDELIVERY_DELAY);
        }
    }

    private static Duration retryAfter(Exception failure) {
        if (failure instanceof OdsUnavailableException unavailable) {
            return unavailable.getRetryAfter();
        }
        if (failure instanceof HttpOperationFailedException answered && answered.getResponseHeaders() != null) {
            return answered.getResponseHeaders().entrySet().stream()
                    .filter(header -> header.getKey().equalsIgnoreCase("Retry-After"))
                    .map(Map.Entry::getValue)
                    .map(RetryAfter::of)
                    .findFirst().orElse(null);
        }
        return null;
    }
}
