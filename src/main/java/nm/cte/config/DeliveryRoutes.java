package nm.cte.config;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import nm.cte.run.Run;
import nm.cte.run.Runs;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/**
 * The routes that send to the ODS/API (cte.delivery.routes), loaded into the running publisher when its first run that
 * sends opens, while it reads its source: explain and dry runs never make them, and a run makes them after its first
 * line, where they took about a tenth of its start (benchmark.md, "What start-up costs"). serve loads them as it
 * starts, for JMX and tracing.
 */
public final class DeliveryRoutes {

    private final CamelContext context;
    private final Runs runs;
    private final Executor loading;
    private final List<String> locations;
    private boolean asked;

    /**
     * @param locations the route files, as cte.delivery.routes lists them
     * @param loading   the thread that makes the runs' HTTP endpoints (OdsEndpoints): ods-pace's interceptor, which wraps
     *                  every HTTP endpoint, is never added while one is being made
     */
    public DeliveryRoutes(CamelContext context, Runs runs, Executor loading, String locations) {
        this.context = context;
        this.runs = runs;
        this.loading = loading;
        this.locations = List.of(locations.split("\\s*,\\s*"));
    }

    /**
     * Loads the routes for a run that sends, on a thread of its own while the run reads its source, unless they are
     * loaded; its records wait for them at direct:deliver. Routes that cannot be loaded stop the run, saying why.
     */
    public synchronized void loadFor(Run run) {
        if (run.options().dryRun() || asked || loaded()) {
            return;
        }
        asked = true;
        loading.execute(() -> {
            try {
                load();
            } catch (Exception e) {
                runs.stop(run, new IllegalStateException("the routes of " + locations + " could not be loaded: "
                        + e.getMessage(), e));
            }
        });
    }

    /** Loads and starts the routes now. */
    public void load() throws Exception {
        List<Resource> resources = new ArrayList<>();
        for (String location : locations) {
            resources.add(ResourceHelper.resolveMandatoryResource(context, location));
        }
        PluginHelper.getRoutesLoader(context).loadRoutes(resources);
    }

    private boolean loaded() {
        return context.getRoutes().stream().map(Route::getSourceResource)
                .anyMatch(resource -> resource != null && locations.contains(resource.getLocation()));
    }
}
