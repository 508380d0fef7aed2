package nm.cte.ledger;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The ledger's database once {@link LedgerSchema} has migrated it: the migration runs on a thread of its own while the
 * publisher starts, and every connection waits for it; a migration that failed fails every connection with its error,
 * which names the database.
 */
public final class MigratedDataSource implements DataSource {

    private final DataSource db;
    private final CompletableFuture<Void> migration;

    /** Starts migrating the database on one of these threads. */
    public MigratedDataSource(DataSource db, String url, Executor threads) {
        this.db = db;
        this.migration = CompletableFuture.runAsync(() -> {
            try {
                LedgerSchema.migrate(db, url);
            } catch (LedgerException e) {
                throw new CompletionException(e);
            }
        }, threads);
    }

    /** Waits for the migration; a migration that failed throws its error, which names the database. */
    public void awaitMigration() throws SQLException {
        migrated();
    }

    private DataSource migrated() throws SQLException {
        try {
            migration.join();
            return db;
        } catch (CompletionException e) {
            if (e.getCause() instanceof SQLException failure) {
                throw failure;
            }
            throw e;
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return migrated().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return migrated().getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return db.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        db.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        db.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return db.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return db.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : db.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || db.isWrapperFor(type);
    }
}
