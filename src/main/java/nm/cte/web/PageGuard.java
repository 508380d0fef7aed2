package nm.cte.web;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * The door of the publishing page, before any route: every answer carries the security headers (the pages show
 * students' names and ids), and only the operator account gets in (HTTP Basic; 401 otherwise). The credentials go no
 * further than this: the routes, and so tracing, never see them.
 */
final class PageGuard implements Handler<RoutingContext> {

    static final String REALM = "nm-cte-publisher";
    /** Nothing but the page's own stylesheet, forms that post to itself, and no framing. */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final OperatorAccount account;

    PageGuard(OperatorAccount account) {
        this.account = account;
    }

    @Override
    public void handle(RoutingContext context) {
        MultiMap headers = context.response().headers();
        headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Cache-Control", "no-store");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Frame-Options", "DENY");
        if (!account.admits(context.request().getHeader("Authorization"))) {
            context.response().setStatusCode(401)
                    .putHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"")
                    .putHeader("Content-Type", "text/plain; charset=utf-8")
                    .end("The publishing page asks for the operator's user and password (CTE_WEB_USER, CTE_WEB_PASSWORD).\n");
            return;
        }
        context.request().headers().remove("Authorization");
        context.next();
    }
}
