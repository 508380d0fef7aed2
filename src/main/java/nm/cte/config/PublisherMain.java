package nm.cte.config;

import java.util.Map;
import java.util.Properties;
import org.apache.camel.main.Main;

/** Builds the Camel Main of the publisher: its settings, its routes and the beans they call. */
public final class PublisherMain {

    private PublisherMain() {
    }

    /**
     * @param overrides settings that win over application.properties and the environment
     * @param beans beans of the caller's that the routes call, by name
     */
    public static Main create(Properties overrides, Map<String, Object> beans) {
        Main main = new Main();
        // the first location that has a key wins: the working directory's file overrides the packaged one
        main.setPropertyPlaceholderLocations(
                "file:application.properties;optional=true,classpath:application.properties;optional=true");
        main.setOverrideProperties(overrides);
        main.configure().addConfiguration(PublisherConfiguration.class);
        beans.forEach(main::bind);
        return main;
    }
}
