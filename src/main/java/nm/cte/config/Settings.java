package nm.cte.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import nm.cte.domain.CteProgram;
import nm.cte.edfi.DataStandard;

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
    public static final String ODS_DATA_STANDARD = "cte.ods.data-standard";
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

    public String required(String key, String meaning) {
        return optional(key).orElseThrow(() -> new SettingException(variable(key) + " is not set: " + meaning));
    }

    public DataStandard dataStandard() {
        int number = integer(ODS_DATA_STANDARD).orElse(4);
        try {
            return DataStandard.of(number);
        } catch (IllegalArgumentException e) {
            throw new SettingException(variable(ODS_DATA_STANDARD) + " must be 3, 4 or 5, not " + number);
        }
    }

    /** How long a run waits for the PowerSchool database before it fails. */
    public Duration sourceConnectTimeout() {
        int seconds = integer(SOURCE_CONNECT_TIMEOUT).orElse(15);
        if (seconds < 1) {
            throw new SettingException(variable(SOURCE_CONNECT_TIMEOUT) + " must be at least 1 second, not " + seconds);
        }
        return Duration.ofSeconds(seconds);
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
        return new CteProgram(optional(DESCRIPTOR_NAMESPACE).orElse("uri://ed-fi.org"),
                integer(PROGRAM_EDORG_ID).orElse(null));
    }

    private Optional<Integer> integer(String key) {
        return optional(key).map(value -> {
            try {
                return Integer.valueOf(value);
            } catch (NumberFormatException e) {
                throw new SettingException(variable(key) + " must be a whole number, not '" + value + "'");
            }
        });
    }
}
