package nm.cte.bench;

import org.apache.camel.main.Main;

/**
 * S1's yardsticks: a Camel Main of the publisher's jar with one YAML route that runs once (the minimal app logs a line;
 * its floor also queries the source and marshals JSON), started with the same JVM options as the publisher.
 * {@code MinimalCamelMain SETTINGS} reads only that properties file (which names the route file and any beans), not
 * the publisher's packaged settings, and stops after its one message.
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
