package nm.cte.web;

import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxConverterLoader;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.component.vertx.common.CamelVertxCommonBulkConverterLoader;
import org.apache.camel.spi.TypeConverterRegistry;

/**
 * The embedded HTTP server of the publishing page: Camel's platform-http on Vert.x, with {@link PageGuard} in front
 * of every route. Only a serve with CTE_WEB_PORT makes one, so no other command loads Vert.x.
 */
final class PageServer extends VertxPlatformHttpServer {

    /** Forms are a few fields: anything larger is not the page's. */
    private static final long MAX_BODY_BYTES = 16 * 1024;

    private final PageGuard guard;

    private PageServer(VertxPlatformHttpServerConfiguration configuration, PageGuard guard) {
        super(configuration);
        this.guard = guard;
    }

    /** Adds the server to the context: it listens once the context starts, and stops with it. */
    static void addTo(CamelContext context, String bindHost, int port, OperatorAccount account) throws Exception {
        VertxPlatformHttpServerConfiguration configuration = new VertxPlatformHttpServerConfiguration();
        configuration.setBindHost(bindHost);
        configuration.setBindPort(port);
        configuration.setMaxBodySize(MAX_BODY_BYTES);
        // a page for one operator: one event loop and a few workers are plenty. The workers make pages, an export or an
        // explanation among them, which take seconds: Vert.x should not call that a blocked thread. No file cache, so
        // that nothing is written under the working directory.
        context.getRegistry().bind("pageVertxOptions", new VertxOptions()
                .setEventLoopPoolSize(1)
                .setWorkerPoolSize(4)
                .setInternalBlockingPoolSize(2)
                .setMaxWorkerExecuteTime(10).setMaxWorkerExecuteTimeUnit(TimeUnit.MINUTES)
                .setFileSystemOptions(new FileSystemOptions().setFileCachingEnabled(false).setClassPathResolvingEnabled(false)));
        // the jar leaves Vert.x's type converters out of Camel's start-up, so that no other command loads Vert.x
        TypeConverterRegistry converters = context.getTypeConverterRegistry();
        new CamelVertxCommonBulkConverterLoader().load(converters);
        new VertxConverterLoader().load(converters);
        context.addService(new PageServer(configuration, new PageGuard(account)), true, true);
    }

    @Override
    protected void initializeServer() {
        super.initializeServer();
        // before the routes add theirs, so that it comes first on every path, unknown ones too
        VertxPlatformHttpRouter.lookup(getCamelContext(), VertxPlatformHttpRouter.getRouterNameFromPort(getConfigurationPort()))
                .route().handler(guard);
    }
}
