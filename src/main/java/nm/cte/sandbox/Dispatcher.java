package nm.cte.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives every request of the sandbox: finds where its layout serves it, counts it, lets the faults that are
 * switched on strike, checks the bearer token of data requests and hands each to its endpoint.
 */
final class Dispatcher implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    // thrown out of the handler, it makes the JDK server close the connection unanswered and forget it; closing the
    // exchange instead would close the socket but leave the connection in the server's books for good
    private static final IOException HANG_UP = new IOException("hung up on purpose");

    private final LayoutPaths paths;
    private final Faults faults;
    private final Stats stats;
    private final Authentication authentication;
    private final ErrorDialect errors;
    private final DiscoveryEndpoint discovery;
    private final TokenEndpoint token;
    private final AssociationEndpoint associations;
    private final RegistrationEndpoint students;
    private final RegistrationEndpoint programs;

    Dispatcher(LayoutPaths paths, Faults faults, Stats stats, Authentication authentication, ErrorDialect errors,
               DiscoveryEndpoint discovery, TokenEndpoint token, AssociationEndpoint associations,
               RegistrationEndpoint students, RegistrationEndpoint programs) {
        this.paths = paths;
        this.faults = faults;
        this.stats = stats;
        this.authentication = authentication;
        this.errors = errors;
        this.discovery = discovery;
        this.token = token;
        this.associations = associations;
        this.students = students;
        this.programs = programs;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Answer answer = answer(exchange, System.nanoTime());
        stats.answered(answer);
        if (answer.hangsUp()) {
            throw HANG_UP;
        }
        answer.send(exchange);
    }

    private Answer answer(HttpExchange exchange, long arrived) {
        try {
            Incoming asked = Incoming.read(exchange);
            String canonical = paths.canonical(asked.path());
            Route route = canonical == null ? Route.UNKNOWN_PATH : Route.of(asked.method(), canonical);
            stats.received(route);
            if (faults.isDown()) {
                return Answer.hangUp();
            }
            if (canonical == null) {
                return Answer.empty(404);
            }
            Incoming in = asked.at(canonical);
            if (!in.asksForData()) {
                return routed(route, in, asked);
            }
            try {
                Optional<Answer> fault = faults.overRateLimit() ? Optional.of(rateLimited(in)) : fault();
                return fault.isPresent() ? fault.get() : routed(route, in, asked);
            } finally {
                // a refused request waits as long as any other
                faults.delay(arrived);
            }
        } catch (Refusal refusal) {
            return refusal.answer();
        } catch (IOException e) {
            LOG.debug("the request could not be read: {}", e.toString());
            return Answer.hangUp();
        } catch (InterruptedException e) {
            // the sandbox is closing
            Thread.currentThread().interrupt();
            return Answer.hangUp();
        } catch (RuntimeException e) {
            LOG.warn("the sandbox ODS failed on a request", e);
            return errors.serverError();
        }
    }

    private Optional<Answer> fault() {
        if (faults.resets()) {
            return Optional.of(Answer.hangUp());
        }
        OptionalInt failure = faults.failure();
        if (failure.isPresent()) {
            return Optional.of(failed(failure.getAsInt()));
        }
        if (faults.revokes()) {
            return Optional.of(errors.unauthenticated(Authentication.INVALID_TOKEN));
        }
        return Optional.empty();
    }

    /** A request over the rate limit, counted by what it asked (its method, path and body), as a client resends it. */
    private Answer rateLimited(Incoming in) {
        stats.rateLimited(in.method() + " " + in.path() + " " + Arrays.hashCode(in.body()));
        return failed(429);
    }

    private Answer failed(int status) {
        if (status == 500) {
            return errors.serverError();
        }
        // 429 and 503 come from the gateway in front of the ODS, which says when to come back
        return status == 429 || status == 503 ? Answer.empty(status).with("Retry-After", "1") : Answer.empty(status);
    }

    /** @param asked the request as it came, before its path was made a shared instance's */
    private Answer tokenRequest(Incoming in) {
        OptionalInt refusal = faults.tokenRefusal();
        return refusal.isPresent() ? failed(refusal.getAsInt()) : token.post(in);
    }

    private Answer routed(Route route, Incoming in, Incoming asked) throws Refusal {
        if (route.needsToken()) {
            Optional<String> refusal = authentication.refusal(in.header("Authorization"));
            if (refusal.isPresent()) {
                return errors.unauthenticated(refusal.get());
            }
        }
        return switch (route) {
            case DISCOVERY -> discovery.get(asked.path());
            case TOKEN -> tokenRequest(in);
            case POST_ASSOCIATION -> associations.post(in);
            case QUERY_ASSOCIATIONS -> associations.query(in);
            case GET_ASSOCIATION -> associations.get(in);
            case DELETE_ASSOCIATION -> associations.delete(in);
            case POST_STUDENT -> students.post(in);
            case POST_PROGRAM -> programs.post(in);
            case METHOD_NOT_ALLOWED -> Answer.empty(405);
            case UNKNOWN_PATH -> Answer.empty(404);
        };
    }
}
