package nm.cte.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import nm.cte.domain.CteProgram;
import nm.cte.edfi.DataStandard;
import org.quartz.CronExpression;

/**
 * The operator's settings of spec section 7. Each key of application.properties is overridden by the environment
 * variable of the same name in capitals with underscores ({@code cte.source.jdbc-url} by {@code CTE_SOURCE_JDBC_URL}),
 * which is how every message names it.
 */
public final class Settings {

    public static final String SOURCE_JDBC_URL = "cte.source.jdbc-url";
    public static final String SOURCE_USERNAME = "cte.source.username";
    public static final String SOURCE_PASSWORD = "cte.source.password";
    public static final String SOURCE_CONNECT_TIMEOUT = "cte.source.connect-timeout-seconds";
    public static final String STATE_JDBC_URL = "cte.state.jdbc-url";
    public static final String STATE_USERNAME = "cte.state.username";
    public static final String STATE_PASSWORD = "cte.state.password";
    public static final String STATE_RESULTS_KEPT_RUNS = "cte.state.results-kept-runs";
    public static final String STATE_LEASE_SECONDS = "cte.state.lease-seconds";
    public static final String STATE_COMPACT_ON_CLOSE = "cte.state.compact-on-close";
    public static final String DELETE_GUARD_PERCENT = "cte.delete-guard-percent";
    public static final String SCHEDULE_CRON = "cte.schedule.cron";
    public static final String METRICS_PORT = "cte.metrics-port";
    public static final String WEB_PORT = "cte.web.port";
    public static final String WEB_BIND = "cte.web.bind";
    public static final String WEB_USER = "cte.web.user";
    public static final String WEB_PASSWORD = "cte.web.password";
    public static final String ODS_BASE_URL = "cte.ods.base-url";
    public static final String ODS_TOKEN_URL = "cte.ods.token-url";
    public static final String ODS_DATA_URL = "cte.ods.data-url";
    public static final String ODS_INSTANCE = "cte.ods.instance";
    public static final String ODS_SCOPE = "cte.ods.scope";
    public static final String ODS_CLIENT_ID = "cte.ods.client-id";
    public static final String ODS_CLIENT_SECRET = "cte.ods.client-secret";
    public static final String ODS_CONNECT_TIMEOUT = "cte.ods.connect-timeout-seconds";
    public static final String ODS_RESPONSE_TIMEOUT = "cte.ods.response-timeout-seconds";
    public static final String ODS_MAX_CONNECTIONS = "cte.ods.max-connections";
    public static final String ODS_MAX_REQUESTS_PER_SECOND = "cte.ods.max-requests-per-second";
    public static final String ODS_PUBLISH_PROGRAMS = "cte.ods.publish-programs";
    public static final String ODS_DATA_STANDARD = "cte.ods.data-standard";
    public static final String ODS_TRUST_STORE = "cte.ods.trust-store";
    public static final String ODS_TRUST_STORE_TYPE = "cte.ods.trust-store-type";
    public static final String ODS_TRUST_STORE_PASSWORD = "cte.ods.trust-store-password";
    public static final String ODS_TLS_VERIFY = "cte.ods.tls-verify";
    public static final String SCHOOL_YEAR = "cte.school-year";
    public static final String PROGRAM_EDORG_ID = "cte.program.edorg-id";
    public static final String DESCRIPTOR_NAMESPACE = "cte.descriptor-namespace";

    private final Function<String, Optional<String>> lookup;

    /** @param lookup resolves a key, e.g. Camel's PropertiesComponent::resolveProperty */
    public Settings(Function<String, Optional<String>> lookup) {
        this.lookup = lookup;
    }

    /** The environment variable that sets a key. */
    public static String variable(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public Optional<String> optional(String key) {
        return lookup.apply(key).map(String::strip).filter(value -> !value.isEmpty());
    }

    /**
     * A secret: from the environment variable of its key, or read from the file that the variable of its key plus
     * "_FILE" names (CTE_ODS_CLIENT_SECRET_FILE=/run/secrets/ods), as container platforms mount them.
     */
    public Optional<String> secret(String key) {
        Optional<String> direct = optional(key);
        if (direct.isPresent()) {
            return direct;
        }
        return optional(key + "-file").map(file -> {
            try {
                return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new SettingException(variable(key + "-file") + " names a file that cannot be read: " + file);
            }
        });
    }

    public String required(String key, String meaning) {
        return optional(key).orElseThrow(() -> new SettingException(variable(key) + " is not set: " + meaning));
    }

    /**
     * A key whose default is in the packaged application.properties, the one place defaults live: a key missing there
     * is a broken package, named as such, never made up here.
     */
    public String defaulted(String key) {
        return optional(key).orElseThrow(() -> new SettingException(variable(key) + " has no value: neither the environment"
                + " nor application.properties gives " + key + " one, and the packaged file gives every default"));
    }

    /** D10: the Data Standard the operator fixed; unset, the API's discovery document says (and 4 without one). */
    public Optional<DataStandard> dataStandard() {
        return integer(ODS_DATA_STANDARD).map(number -> {
            try {
                return DataStandard.of(number);
            } catch (IllegalArgumentException e) {
                throw new SettingException(variable(ODS_DATA_STANDARD) + " must be 3, 4 or 5, not " + number);
            }
        });
    }

    /** Whether an Ed-Fi API is configured at all: a dry run needs none, and reads one when it is. */
    public boolean odsConfigured() {
        return optional(ODS_BASE_URL).isPresent();
    }

    /** How long a run waits for the PowerSchool database before it fails. */
    public Duration sourceConnectTimeout() {
        return seconds(SOURCE_CONNECT_TIMEOUT);
    }

    /** Beyond this a connection the ODS does not accept is a failure to redeliver. */
    public Duration odsConnectTimeout() {
        return seconds(ODS_CONNECT_TIMEOUT);
    }

    /** Beyond this an answer the ODS does not give is a failure to redeliver. */
    public Duration odsResponseTimeout() {
        return seconds(ODS_RESPONSE_TIMEOUT);
    }

    /** How many runs keep their per-record results in the ledger, for export. */
    public int resultsKeptRuns() {
        return within(STATE_RESULTS_KEPT_RUNS, 1, Integer.MAX_VALUE, "");
    }

    /**
     * How long a run's lease on the ledger lasts unless renewed (a quarter of it apart): how long a run whose process
     * died keeps another machine from running. At most two minutes.
     */
    public Duration leaseLength() {
        return Duration.ofSeconds(within(STATE_LEASE_SECONDS, 4, 120, " seconds"));
    }

    /** D13: the largest share (in percent) of the year's published records a run may delete without --confirm-deletes. */
    public int deleteGuardPercent() {
        return within(DELETE_GUARD_PERCENT, 0, 100, "");
    }

    /**
     * D16: when serve's schedule starts a run, as a Quartz cron expression. Only serve reads it, so that no other
     * command fails on a schedule it does not have.
     */
    public String scheduleCron() {
        String cron = defaulted(SCHEDULE_CRON);
        try {
            CronExpression.validateExpression(cron);
        } catch (ParseException e) {
            throw new SettingException(variable(SCHEDULE_CRON) + " must be a Quartz cron expression (seconds minutes hours"
                    + " day-of-month month day-of-week, e.g. 0 0/15 6-18 ? * MON-FRI), not '" + cron + "': " + e.getMessage());
        }
        return cron;
    }

        /** The loopback port of the Prometheus endpoint, if the operator wants one. */
    public Optional<Integer> metricsPort() {
        return integer(METRICS_PORT);
    }

    /** The address serve's publishing page listens on. */
    public String webBind() {
        return defaulted(WEB_BIND);
    }

    /** The one operator account of serve's publishing page: its user name (its password is a secret). */
    public String webUser() {
        return defaulted(WEB_USER);
    }

    /** The port of serve's publishing page, if the operator wants it. */
    public Optional<Integer> webPort() {
        Optional<Integer> port = integer(WEB_PORT);
        port.filter(number -> number < 1 || number > 65535).ifPresent(number -> {
            throw new SettingException(variable(WEB_PORT) + " must be a port from 1 to 65535, not " + number);
        });
        return port;
    }

    /** How many requests may be in flight to the ODS at once. */
    public int maxConnections() {
        return within(ODS_MAX_CONNECTIONS, 1, 64, "");
    }

    /** The operator's most requests a second to the ODS; 0 (or unset) for none. */
    public int maxRequestsPerSecond() {
        int most = integer(ODS_MAX_REQUESTS_PER_SECOND).orElse(0);
        if (most < 0) {
            throw new SettingException(variable(ODS_MAX_REQUESTS_PER_SECOND) + " must be a number of requests a second (0 or"
                    + " unset: no limit), not " + most);
        }
        return most;
    }

    /** Whether an embedded H2 ledger compacts its file when the process closes it. */
    public boolean compactLedgerOnClose() {
        return flag(STATE_COMPACT_ON_CLOSE);
    }

    /** D11: whether the publisher upserts each Program itself before its associations. */
    public boolean publishPrograms() {
        return flag(ODS_PUBLISH_PROGRAMS);
    }

    /** Whether the ODS's TLS certificate is verified: always, unless the operator explicitly says false. */
    public boolean odsTlsVerify() {
        return flag(ODS_TLS_VERIFY);
    }

    private boolean flag(String key) {
        String value = defaulted(key);
        if (!value.equals("true") && !value.equals("false")) {
            throw new SettingException(variable(key) + " must be true or false, not '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    /** D3: the ending year of the current school year, when the operator fixed it. */
    public Integer schoolYear() {
        Integer year = integer(SCHOOL_YEAR).orElse(null);
        if (year != null && (year < 2000 || year > 2100)) {
            throw new SettingException(variable(SCHOOL_YEAR) + " must be the ending year of a school year, e.g. 2027 for 2026-27, not " + year);
        }
        return year;
    }

    /** D7 and D9: the descriptor namespace and the program owner. */
    public CteProgram program() {
        return new CteProgram(defaulted(DESCRIPTOR_NAMESPACE),
                integer(PROGRAM_EDORG_ID).orElse(null));
    }

    private Duration seconds(String key) {
        return Duration.ofSeconds(within(key, 1, Integer.MAX_VALUE, " second"));
    }

    /** A whole number from least to most (Integer.MAX_VALUE: no bound above), refused naming its variable otherwise. */
    private int within(String key, int least, int most, String unit) {
        int value = whole(key, defaulted(key));
        if (value < least || value > most) {
            String range = most == Integer.MAX_VALUE ? "at least " + least : "from " + least + " to " + most;
            throw new SettingException(variable(key) + " must be " + range + unit + ", not " + value);
        }
        return value;
    }

    private Optional<Integer> integer(String key) {
        return optional(key).map(value -> whole(key, value));
    }

    private static int whole(String key, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new SettingException(variable(key) + " must be a whole number, not '" + value + "'");
        }
    }
}
