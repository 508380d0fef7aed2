package nm.cte.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** The connection pools of the publisher: the district's PowerSchool database, read only, and its own ledger. */
public final class Databases {

    private Databases() {
    }

    /** The PowerSchool database, which the publisher only ever reads. */
    static HikariDataSource powerSchool(Settings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("powerschool");
        config.setJdbcUrl(settings.required(Settings.SOURCE_JDBC_URL, "the JDBC URL of the PowerSchool database"));
        settings.optional(Settings.SOURCE_USERNAME).ifPresent(config::setUsername);
        settings.secret(Settings.SOURCE_PASSWORD).ifPresent(config::setPassword);
        config.setReadOnly(true);
        config.setMaximumPoolSize(2);
        // connect when the first run needs it: a source that is down fails that run, not the process
        config.setInitializationFailTimeout(-1);
        config.setConnectionTimeout(settings.sourceConnectTimeout().toMillis());
        if (config.getJdbcUrl().startsWith("jdbc:h2:")) {
            // the demo's stand-in for PowerSchool: unless told, H2 computes a query's whole result before its first
            // row, and a run that streams the source would wait for all of it before deciding any
            config.setConnectionInitSql("SET LAZY_QUERY_EXECUTION TRUE");
        }
        return new HikariDataSource(config);
    }

    /**
     * The ledger (D12): an H2 file under ./data/ unless CTE_STATE_JDBC_URL names another database. H2 must not close
     * it on its own at JVM exit: the run stopping on SIGTERM still writes to it.
     */
    public static HikariDataSource ledger(Settings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("ledger");
        config.setJdbcUrl(settings.optional(Settings.STATE_JDBC_URL).orElse("jdbc:h2:./data/cte-ledger;DB_CLOSE_ON_EXIT=FALSE"));
        settings.optional(Settings.STATE_USERNAME).ifPresent(config::setUsername);
        settings.secret(Settings.STATE_PASSWORD).ifPresent(config::setPassword);
        config.setMaximumPoolSize(4);
        config.setConnectionTimeout(settings.sourceConnectTimeout().toMillis());
        return new HikariDataSource(config);
    }
}
