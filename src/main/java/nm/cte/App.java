package nm.cte;

import java.util.Properties;
import nm.cte.cli.Launcher;

/** The command line of nm-cte-publisher: {@code java -jar nm-cte-publisher.jar COMMAND}. */
public final class App {

    private App() {
    }

    public static void main(String[] args) {
        System.exit(new Launcher(System.out, System.err, new Properties()).execute(args));
    }
}
