package nm.cte.demo;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.LocalDate;
import java.util.logging.Logger;
import javax.sql.DataSource;

import nm.cte.domain.SchoolYear;

/** Command line that creates a demo PowerSchool database with {@link DemoDistrict}. */
public final class DemoDatabase {

    private static final String USAGE = "usage: DemoDatabase JDBC_URL [ENROLLMENT_PERIODS] [SCHOOL_YEAR_ENDING]";
    private static final int DEFAULT_PERIODS = 600;
    private static final long SEED = 42;

    private DemoDatabase() {
    }

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 3) {
            exit(2, USAGE);
        }
        String url = args[0];
        int periods = DEFAULT_PERIODS;
        int schoolYear = SchoolYear.endingYearOn(LocalDate.now());
        try {
            if (args.length > 1) {
                periods = Integer.parseInt(args[1]);
            }
            if (args.length > 2) {
                schoolYear = Integer.parseInt(args[2]);
            }
        } catch (NumberFormatException e) {
            exit(2, USAGE + " (not a number: " + e.getMessage() + ")");
        }
        String user = System.getenv().getOrDefault("CTE_SOURCE_USERNAME", "sa");
        String password = System.getenv().getOrDefault("CTE_SOURCE_PASSWORD", "");
        try {
            DemoDistrict district = DemoDistrict.generate(new DriverManagerSource(url, user, password), periods, schoolYear, SEED);
            System.out.println("Created the demo district in " + withoutSecrets(url) + ": " + district.students()
                    + " students, " + district.enrollmentPeriods() + " CTE enrollment periods of the school year ending "
                    + schoolYear);
        } catch (IllegalArgumentException e) {
            exit(2, USAGE + " (" + e.getMessage() + ")");
        } catch (SQLException e) {
            // H2 appends the whole statement on further lines
            String reason = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            exit(1, "DemoDatabase: could not create the demo district in " + withoutSecrets(url) + ": " + reason);
        }
    }

    private static void exit(int status, String message) {
        System.err.println(message);
        System.exit(status);
    }

    /** The URL as it may be shown: without an Oracle-style user/password@ or a PASSWORD= setting. */
    private static String withoutSecrets(String url) {
        return url.replaceAll("[^/:@]+/[^/@]+@", "***@").replaceAll("(?i)(password=)[^;&]*", "$1***");
    }

    /** The plain JDBC driver behind a DataSource, which is what {@link DemoDistrict} takes. */
    private static final class DriverManagerSource implements DataSource {
        private final String url;
        private final String user;
        private final String password;

        DriverManagerSource(String url, String user, String password) {
            this.url = url;
            this.user = user;
            this.password = password;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        @Override
        public Connection getConnection(String otherUser, String otherPassword) throws SQLException {
            return DriverManager.getConnection(url, otherUser, otherPassword);
        }

        @Override
        public PrintWriter getLogWriter() {
            return DriverManager.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) {
            DriverManager.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) {
            DriverManager.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() {
            return DriverManager.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException("DriverManager has no parent logger");
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
