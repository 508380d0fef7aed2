package nm.cte.demo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import nm.cte.sandbox.SandboxOds;
import nm.cte.sandbox.SandboxOptions;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The whole job on embedded defaults (the {@code demo} command): the demo district in an in-memory database, the
 * sandbox ODS on loopback knowing most of its students, and the settings that point a run at both.
 */
public final class Demo implements AutoCloseable {

    public static final int PERIODS = 600;
    private static final long SEED = 42;
    private static final String CLIENT_ID = "demo-district-001";
    /** One student in this many is not in the ODS, to show what a DEPENDENCY looks like. */
    private static final int UNPUBLISHED_STUDENT_EVERY = 40;

    private final Connection database;
    private final SandboxOds ods;
    private final Properties settings = new Properties();

    private Demo(Connection database, SandboxOds ods, String url, String clientSecret, int schoolYearEnding) {
        this.database = database;
        this.ods = ods;
        settings.setProperty("cte.source.jdbc-url", url);
        settings.setProperty("cte.source.username", "sa");
        settings.setProperty("cte.school-year", Integer.toString(schoolYearEnding));
        // the demo leaves nothing behind but its results file
        settings.setProperty("cte.state.jdbc-url", "jdbc:h2:mem:demo-ledger-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        settings.setProperty("cte.ods.base-url", ods.baseUrl().toString());
        settings.setProperty("cte.ods.client-id", CLIENT_ID);
        settings.setProperty("cte.ods.client-secret", clientSecret);
    }

    public static Demo start(int schoolYearEnding, int dataStandard) throws Exception {
        String url = "jdbc:h2:mem:demo-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        JdbcDataSource source = new JdbcDataSource();
        source.setURL(url);
        source.setUser("sa");
        Connection database = source.getConnection();
        DemoDistrict.generate(source, PERIODS, schoolYearEnding, SEED);
        String clientSecret = UUID.randomUUID().toString();
        SandboxOds ods = SandboxOds.start(SandboxOptions.defaults(CLIENT_ID, clientSecret).withDataStandard(dataStandard));
        ods.addStudents(publishedStudents(database));
        return new Demo(database, ods, url, clientSecret, schoolYearEnding);
    }

    /** The settings of a run against the demo district and the sandbox. */
    public Properties settings() {
        return settings;
    }

    private static List<String> publishedStudents(Connection database) throws SQLException {
        List<String> students = new ArrayList<>();
        try (Statement statement = database.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT TRIM(STATE_STUDENTNUMBER) FROM STUDENTS WHERE STATE_STUDENTNUMBER IS NOT NULL"
                             + " AND MOD(STUDENT_NUMBER, " + UNPUBLISHED_STUDENT_EVERY + ") <> 0")) {
            while (rows.next()) {
                students.add(rows.getString(1));
            }
        }
        return students;
    }

    @Override
    public void close() throws SQLException {
        ods.close();
        try (Statement statement = database.createStatement()) {
            statement.execute("SHUTDOWN");
        }
        database.close();
    }
}
