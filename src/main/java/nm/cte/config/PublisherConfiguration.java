package nm.cte.config;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
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

        HikariDataSource powerschool = SourceDatabase.pool(settings);
        registry.bind("powerschool", powerschool);
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                powerschool.close();
            }
        });

        registry.bind("runs", new Runs(settings.schoolYear(), settings.program(), settings.dataStandard(),
                Clock.systemDefaultZone()));
        registry.bind("judge", new Judge());
        registry.bind("recordBuilder", new RecordBuilder());
        registry.bind("naturalKeyMerge", new NaturalKeyMerge());
        registry.bind("delivery", new Delivery(new Once<>(settings::odsClient), settings.publishPrograms()));
        registry.bind("retryAfter", new RetryAfterDelay());
        registry.bind("results", new Results());
    }
}
