package nm.cte.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import nm.cte.ledger.LedgerException;
import nm.cte.ledger.LedgerSchema;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** A database opened while the publisher starts: nobody gets a connection before it is open and ready. */
class DatabaseOpenedAheadTest {

    @Test
    void aConnectionIsHandedOutOnlyOnceTheLedgerIsMigrated() throws Exception {
        List<Runnable> openings = new ArrayList<>();
        JdbcDataSource h2 = h2("jdbc:h2:mem:migrated-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        DatabaseOpenedAhead ledger = new DatabaseOpenedAhead(() -> h2, opened -> LedgerSchema.migrate(opened, "test ledger"),
                openings::add);
        CompletableFuture<Boolean> recordsTableSeen = CompletableFuture.supplyAsync(() -> {
            try (Connection connection = ledger.getConnection();
                 ResultSet tables = connection.getMetaData().getTables(null, null, "CTE_RECORD", null)) {
                return tables.next();
            } catch (SQLException e) {
                throw new CompletionException(e);
            }
        });

        Thread.sleep(300);
        assertFalse(recordsTableSeen.isDone(), "a connection was handed out before the migration ran");
        openings.forEach(Runnable::run);

        assertTrue(recordsTableSeen.get(30, TimeUnit.SECONDS), "the migrated ledger's tables");
    }

    @Test
    void aLedgerThatCannotBeMigratedFailsEveryConnectionNamingIt() {
        DatabaseOpenedAhead ledger = new DatabaseOpenedAhead(() -> h2("jdbc:h2:mem:no-ledger;IFEXISTS=TRUE"),
                opened -> LedgerSchema.migrate(opened, "jdbc:h2:mem:no-ledger"), Runnable::run);

        for (int i = 0; i < 2; i++) {
            SQLException failure = assertThrows(SQLException.class, ledger::getConnection);
            assertTrue(failure.getMessage().startsWith("cannot use the ledger database jdbc:h2:mem:no-ledger: "), failure.getMessage());
            assertEquals(LedgerException.class, failure.getClass());
        }
    }

    @Test
    void aPoolThatCannotBeOpenedFailsTheWaitWithTheSettingsMessage() {
        SettingException wrongUrl = new SettingException("CTE_SOURCE_JDBC_URL: the PowerSchool database jdbc:nosuchdb: cannot be opened");
        DatabaseOpenedAhead source = new DatabaseOpenedAhead(() -> {
            throw wrongUrl;
        }, opened -> { }, Runnable::run);

        assertSame(wrongUrl, assertThrows(SettingException.class, source::awaitOpened));
        assertSame(wrongUrl, assertThrows(SettingException.class, source::getConnection));
    }

    @Test
    void aPoolWhoseDatabaseCannotBeMadeReadyIsClosedAtOnce() {
        AtomicBoolean closed = new AtomicBoolean();
        // a pool that tells whether it was closed, and does nothing else
        DataSource pool = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSource.class, AutoCloseable.class}, (proxy, method, arguments) -> {
                    closed.compareAndSet(false, method.getName().equals("close"));
                    return null;
                });

        new DatabaseOpenedAhead(() -> pool, opened -> {
            throw new SQLException("the ledger's migration failed");
        }, Runnable::run);

        assertTrue(closed.get());
    }

    private static JdbcDataSource h2(String url) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url);
        return h2;
    }
}
