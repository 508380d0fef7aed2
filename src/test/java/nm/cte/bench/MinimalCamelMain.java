package nm.cte.bench;

import org.apache.camel.main.Main;

/**
 * S1's yardstick: the smallest Camel Main of the publisher's jar, one YAML route that logs once, started with the same
 * JVM options as the publisher. {@code MinimalCamelMain SETTINGS} reads only that properties file (which names the
 * route file), not the publisher's packaged settings, and stops after its one message.
 */
public final class MinimalCamelMain {

    private MinimalCamelMain() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main();
        main.setPropertyPlaceholderLocations("file:" + args[0]);
        main.run();
    }
}
