package nm.cte.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** The connection pool to the district's PowerSchool database, which the publisher only ever reads. */
final class SourceDatabase {

    private SourceDatabase() {
    }

    static HikariDataSource pool(Settings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("powerschool");
        config.setJdbcUrl(settings.required(Settings.SOURCE_JDBC_URL, "the JDBC URL of the PowerSchool database"));
        settings.optional(Settings.SOURCE_USERNAME).ifPresent(config::setUsername);
        settings.optional(Settings.SOURCE_PASSWORD).ifPresent(config::setPassword);
        config.setReadOnly(true);
        config.setMaximumPoolSize(2);
        // connect when the first run needs it: a source that is down fails that run, not the process
        config.setInitializationFailTimeout(-1);
        config.setConnectionTimeout(settings.sourceConnectTimeout().toMillis());
        return new HikariDataSource(config);
    }
}
