package nm.cte.config;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import nm.cte.ledger.Ledger;
import nm.cte.ledger.LedgerSchema;
import nm.cte.run.ChangeTracking;
import nm.cte.run.Delivery;
import nm.cte.run.Judge;
import nm.cte.run.NaturalKeyMerge;
import nm.cte.run.RecordBuilder;
import nm.cte.run.Results;
import nm.cte.run.Runs;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.service.ServiceSupport;

/** Binds the beans the routes call, built from the operator's settings. */
public class PublisherConfiguration implements CamelConfiguration {

    @Override
    public void configure(CamelContext context) throws Exception {
        Settings settings = new Settings(context.getPropertiesComponent()::resolveProperty);
        Registry registry = context.getRegistry();

        HikariDataSource powerschool = Databases.powerSchool(settings);
        registry.bind("powerschool", powerschool);
        HikariDataSource ledgerDatabase = Databases.ledger(settings);
        LedgerSchema.migrate(ledgerDatabase);
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                powerschool.close();
                ledgerDatabase.close();
            }
        });

        Ledger ledger = new Ledger(ledgerDatabase, settings.resultsKeptRuns());
        registry.bind("runs", new Runs(settings.schoolYear(), settings.program(), settings.dataStandard(), ledger,
                settings.deleteGuardPercent(), Clock.systemDefaultZone()));
        registry.bind("changeTracking", new ChangeTracking());
        registry.bind("judge", new Judge());
        registry.bind("recordBuilder", new RecordBuilder());
        registry.bind("naturalKeyMerge", new NaturalKeyMerge());
        registry.bind("delivery", new Delivery(new Once<>(settings::odsClient), settings.publishPrograms()));
        registry.bind("retryAfter", new RetryAfterDelay());
        registry.bind("results", new Results());
    }
}
