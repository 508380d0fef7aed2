package nm.cte.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import nm.cte.Postgres;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ledger's run lease, the same on H2 and on a real PostgreSQL: one run at a time, across processes and machines. */
class RunLeaseTest {

    private static final Duration LEASE = Duration.ofSeconds(90);

    private static String url(String database) throws Exception {
        return database.equals("postgresql") ? Postgres.freshDatabase()
                : "jdbc:h2:mem:lease-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    private static DataSource dataSource(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            return Postgres.dataSource(url);
        }
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url);
        return h2;
    }

    /** A ledger as one publisher process sees it, on a migrated database. */
    private static Ledger ledger(DataSource database, Duration lease) throws Exception {
        LedgerSchema.migrate(database, "test ledger");
        return new Ledger(database, "test ledger", 30, lease);
    }

    private static long start(Ledger ledger) throws Exception {
        return ledger.startRun(2027, "CHANGES", null, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aSecondRunIsRefusedNamingTheRunThatHoldsTheLedger(String database) throws Exception {
        DataSource db = dataSource(url(database));
        long first = start(ledger(db, LEASE));

        LedgerHeldException refused = assertThrows(LedgerHeldException.class, () -> start(ledger(db, LEASE)));

        assertTrue(refused.getMessage().startsWith("another run (run " + first + " on " + InetAddress.getLocalHost().getHostName()
                + ") holds the ledger since "), refused.getMessage());
        assertEquals(1, runs(db), "the refused run left no row");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aReleasedLeaseIsTakenByTheNextRunAtOnce(String database) throws Exception {
        DataSource db = dataSource(url(database));
        Ledger ledger = ledger(db, LEASE);
        long first = start(ledger);
        ledger.releaseLease(first);

        assertEquals(first + 1, start(ledger(db, LEASE)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anExpiredLeaseIsTakenOverAndItsFormerHolderCannotRenewIt(String database) throws Exception {
        DataSource db = dataSource(url(database));
        Ledger dead = ledger(db, Duration.ofMillis(300));
        long first = start(dead);
        Thread.sleep(600);

        long second = start(ledger(db, LEASE));

        assertEquals(first + 1, second);
        assertFalse(dead.renewLease(first), "the lease was renewed by a run that lost it");
        assertEquals("ABANDONED", outcome(db, first));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aRenewedLeaseDoesNotExpire(String database) throws Exception {
        DataSource db = dataSource(url(database));
        // renewed every quarter second for longer than the lease lasts, with a second and more to spare between
        // renewals: a loaded machine's stall must not pass for an expiry
        Ledger holder = ledger(db, Duration.ofMillis(1500));
        long first = start(holder);
        for (int i = 0; i < 8; i++) {
            Thread.sleep(250);
            assertTrue(holder.renewLease(first));
        }

        assertThrows(LedgerHeldException.class, () -> start(ledger(db, LEASE)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aScheduledFireRunsOnceAcrossProcesses(String database) throws Exception {
        DataSource db = dataSource(url(database));
        Instant fire = Instant.parse("2026-12-07T13:15:00Z");
        Ledger machineA = ledger(db, LEASE);
        machineA.releaseLease(machineA.startRun(2027, "CHANGES", null, fire));

        LedgerHeldException refused = assertThrows(LedgerHeldException.class,
                () -> ledger(db, LEASE).startRun(2027, "CHANGES", null, fire));

        assertEquals("the schedule's run of 2026-12-07T13:15:00Z already ran (run 1 on " + InetAddress.getLocalHost().getHostName() + ")",
                refused.getMessage());
        assertEquals(2, ledger(db, LEASE).startRun(2027, "CHANGES", null, fire.plusSeconds(900)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void ofRunsStartingAtOnceExactlyOneStarts(String database) throws Exception {
        DataSource db = dataSource(url(database));
        ledger(db, LEASE);
        ExecutorService starters = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Long>> attempts = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Ledger process = new Ledger(db, "test ledger", 30, LEASE);
                attempts.add(() -> start(process));
            }
            int started = 0;
            int refused = 0;
            for (Future<Long> attempt : starters.invokeAll(attempts)) {
                try {
                    attempt.get();
                    started++;
                } catch (java.util.concurrent.ExecutionException e) {
                    // a refusal, or a database that gave up waiting for the lease's row lock: either way, not started
                    refused++;
                }
            }
            assertEquals(1, started, "runs started");
            assertEquals(5, refused);
            assertEquals(1, runs(db), "runs in the ledger");
        } finally {
            starters.shutdownNow();
        }
    }

    private static long runs(DataSource db) throws Exception {
        try (Connection connection = db.getConnection();
             ResultSet count = connection.createStatement().executeQuery("SELECT COUNT(*) FROM CTE_RUN")) {
            count.next();
            return count.getLong(1);
        }
    }

    private static String outcome(DataSource db, long run) throws Exception {
        try (Connection connection = db.getConnection();
             ResultSet row = connection.createStatement().executeQuery("SELECT OUTCOME FROM CTE_RUN WHERE RUN_NUMBER = " + run)) {
            row.next();
            return row.getString(1);
        }
    }
}
