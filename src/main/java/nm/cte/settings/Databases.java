package nm.cte.settings;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Locale;
import java.util.regex.Pattern;

/** The connection pools of the publisher: the district's PowerSchool database, read only, and its own ledger. */
public final class Databases {

    /** A password inside a JDBC URL: {@code password=...} (H2, PostgreSQL) or Oracle's {@code user/password@}. */
    private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^;&]*|(jdbc:oracle:[a-z]+:[^/@:]*/)[^@]*(@)");

    /** H2's page cache unless told otherwise, and the most the ledger takes of the heap for it. */
    private static final long H2_DEFAULT_CACHE_KB = 16 * 1024;
    private static final long LARGEST_LEDGER_CACHE_KB = 256 * 1024;

    private Databases() {
    }

    /** A JDBC URL as messages and logs show it: any password in it is masked. */
    public static String shown(String url) {
        return url == null ? null : PASSWORD.matcher(url).replaceAll(match -> match.group(1) != null
                ? match.group(1) + "****" : match.group(2) + "****" + match.group(3));
    }

    /** The ledger's JDBC URL, as configured or the default of application.properties. */
    public static String ledgerUrl(Settings settings) {
        return settings.defaulted(Settings.STATE_JDBC_URL);
    }

    /** The PowerSchool database, which the publisher only ever reads. */
    public static HikariDataSource powerSchool(Settings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("powerschool");
        String url = settings.required(Settings.SOURCE_JDBC_URL, "the JDBC URL of the PowerSchool database");
        config.setJdbcUrl(readingOnly(url));
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
        return open(config, Settings.SOURCE_JDBC_URL, "the PowerSchool database");
    }

    /**
     * The ledger (D12): an H2 file under ./data/ unless CTE_STATE_JDBC_URL names another database. H2 must not close
     * it on its own at JVM exit: the run stopping on SIGTERM still writes to it.
     */
    public static HikariDataSource ledger(Settings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("ledger");
        String url = withLedgerCache(ledgerUrl(settings), Runtime.getRuntime().maxMemory());
        config.setJdbcUrl(settings.compactLedgerOnClose() ? url : withoutCompactionOnClose(url));
        settings.optional(Settings.STATE_USERNAME).ifPresent(config::setUsername);
        settings.secret(Settings.STATE_PASSWORD).ifPresent(config::setPassword);
        config.setMaximumPoolSize(4);
        config.setConnectionTimeout(settings.sourceConnectTimeout().toMillis());
        // the first use (the migration) connects, and a failure there names the ledger
        config.setInitializationFailTimeout(-1);
        return open(config, Settings.STATE_JDBC_URL, "the ledger database");
    }

    /**
     * An embedded H2 ledger with a page cache of a sixteenth of the heap (at most 256 MB), unless its URL sets one: H2's
     * own 16 MB hold a few tens of thousands of records, and a larger year's were read from the file and decoded again
     * for every batch's lookup and once more for D13's pass.
     */
    static String withLedgerCache(String url, long maxHeapBytes) {
        long kilobytes = Math.min(LARGEST_LEDGER_CACHE_KB, maxHeapBytes / 16 / 1024);
        return kilobytes <= H2_DEFAULT_CACHE_KB ? url : withH2Setting(url, "CACHE_SIZE", Long.toString(kilobytes));
    }

    /**
     * An embedded H2 ledger that does not compact its file when closed, unless its URL says otherwise: H2 rewrites most of
     * the file then (about half a second for a district's year), which a process that wrote nothing need not pay; the
     * next run that writes compacts it.
     */
    static String withoutCompactionOnClose(String url) {
        return withH2Setting(url, "MAX_COMPACT_TIME", "0");
    }

    /**
     * An embedded H2 source opened read-only, file and all, unless its URL says otherwise: a connection's read-only flag
     * keeps SQL from writing, but H2 still rewrote the file of a database it only read (every close compacted it, about
     * a tenth of a second of each command's end for the 1,000-period demo district).
     */
    static String readingOnly(String url) {
        return withH2Setting(url, "ACCESS_MODE_DATA", "r");
    }

    /**
     * The URL with an H2 setting of the database, for an H2 database in a file of this process only (a server's (tcp,
     * ssl) settings are the server's, memory has no file), and only where the operator's URL does not set it already.
     */
    private static String withH2Setting(String url, String setting, String value) {
        String lower = url.toLowerCase(Locale.ROOT);
        boolean embeddedFile = lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:h2:mem:")
                && !lower.startsWith("jdbc:h2:tcp:") && !lower.startsWith("jdbc:h2:ssl:");
        return !embeddedFile || lower.contains(";" + setting.toLowerCase(Locale.ROOT) + "=") ? url : url + ";" + setting + "=" + value;
    }

    /**
     * The pool; a URL no driver of the jar takes fails naming the setting, not with the driver's words alone. An H2 or
     * PostgreSQL URL is opened by its driver's own DataSource: through the URL alone, {@code java.sql.DriverManager}
     * would first load every driver of the jar, Oracle's with its logging and JMX, for a database that is not Oracle.
     */
    private static HikariDataSource open(HikariConfig config, String key, String what) {
        String url = config.getJdbcUrl();
        String dataSource = url.startsWith("jdbc:h2:") ? "org.h2.jdbcx.JdbcDataSource"
                : url.startsWith("jdbc:postgresql:") ? "org.postgresql.ds.PGSimpleDataSource" : null;
        if (dataSource != null) {
            config.setJdbcUrl(null);
            config.setDataSourceClassName(dataSource);
            config.addDataSourceProperty("URL", url);
        }
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new SettingException(Settings.variable(key) + ": " + what + " " + shown(url)
                    + " cannot be opened (the jar has the H2, PostgreSQL and Oracle drivers)");
        }
    }
}
