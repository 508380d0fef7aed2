package nm.cte.web;

import javax.sql.DataSource;
import nm.cte.settings.SettingException;
import nm.cte.settings.Settings;
import nm.cte.ledger.Ledger;
import nm.cte.ledger.ResultPages;
import nm.cte.operations.PublisherControl;
import nm.cte.report.RunPrinters;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.PluginHelper;

/**
 * The publishing page of serve, when CTE_WEB_PORT is set (off otherwise): its server, its bean and its routes
 * ({@code routes/publishing-page.yaml}, which no other command loads). Comes after the publisher's own configuration,
 * whose beans it uses.
 */
public class PageConfiguration implements CamelConfiguration {

    static final String ROUTES = "classpath:routes/publishing-page.yaml";

    @Override
    public void configure(CamelContext context) throws Exception {
        Settings settings = new Settings(context.getPropertiesComponent()::resolveProperty);
        if (settings.webPort().isEmpty()) {
            return;
        }
        String bind = settings.webBind();
        String user = settings.webUser();
        String password = settings.secret(Settings.WEB_PASSWORD).orElseThrow(() -> new SettingException(
                Settings.variable(Settings.WEB_PASSWORD) + " is not set: the publishing page (" + Settings.variable(Settings.WEB_PORT)
                        + ") lets in only the operator, by a password in the environment or in a file named by "
                        + Settings.variable(Settings.WEB_PASSWORD + "-file")));
        Registry registry = context.getRegistry();
        PageServer.addTo(context, bind, settings.webPort().get(), new OperatorAccount(user, password));
        registry.bind("publishingPage", new PublishingPage(
                registry.lookupByNameAndType("publisherControl", PublisherControl.class),
                registry.lookupByNameAndType("ledger", Ledger.class),
                new ResultPages(registry.lookupByNameAndType("ledgerDatabase", DataSource.class)),
                registry.lookupByNameAndType("runReport", RunPrinters.class)));
        PluginHelper.getRoutesLoader(context).loadRoutes(PluginHelper.getResourceLoader(context).resolveResource(ROUTES));
    }
}
