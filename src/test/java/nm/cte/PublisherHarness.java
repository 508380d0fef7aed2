package nm.cte;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import nm.cte.config.PublisherMain;
import nm.cte.run.Run;
import nm.cte.run.RunOptions;
import nm.cte.run.RunReport;
import org.apache.camel.main.Main;

/** Starts the real publisher (its routes, settings and beans) in the test's JVM against a test's source database. */
public final class PublisherHarness implements AutoCloseable {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final Main main;

    public PublisherHarness(String sourceUrl, String... settings) throws Exception {
        Properties overrides = new Properties();
        overrides.setProperty("cte.source.jdbc-url", sourceUrl);
        overrides.setProperty("cte.source.username", "sa");
        overrides.setProperty("cte.school-year", "2027");
        for (int i = 0; i < settings.length; i += 2) {
            overrides.setProperty(settings[i], settings[i + 1]);
        }
        main = PublisherMain.create(overrides,
                Map.of("runReport", new RunReport(new PrintStream(printed, true, StandardCharsets.UTF_8))));
        main.start();
    }

    public Run dryRun() {
        return main.getCamelContext().createProducerTemplate().requestBody("direct:run", RunOptions.dryRunOfAll(), Run.class);
    }

    /** What the dry run printed: a line per record. */
    public String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        main.stop();
    }
}
