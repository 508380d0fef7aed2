package nm.cte.settings;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A database opened on a thread of its own while the publisher starts: its pool, then what must precede its first
 * connection (the ledger's migration). Every connection waits for both; an opening that failed fails every connection
 * with its error, which names the database.
 */
public final class DatabaseOpenedAhead implements DataSource, AutoCloseable {

    /** What must be done to the opened database before anyone connects. */
    @FunctionalInterface
    public interface Preparation {
        void prepare(DataSource database) throws SQLException;
    }

    private final CompletableFuture<DataSource> opening;

    /** Starts opening the database on one of these threads. */
    public DatabaseOpenedAhead(Supplier<? extends DataSource> pool, Preparation preparation, Executor threads) {
        this.opening = CompletableFuture.supplyAsync(() -> {
            DataSource database = pool.get();
            try {
                preparation.prepare(database);
                return database;
            } catch (SQLException | RuntimeException e) {
                // a database nobody may use: its pool's threads and connections go now
                closePool(database);
                throw new CompletionException(e);
            }
        }, threads);
    }

    /** Waits for the opening; one that failed throws its error, which names the database. */
    public void awaitOpened() throws SQLException {
        opened();
    }

    private DataSource opened() throws SQLException {
        try {
            return opening.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof SQLException failure) {
                throw failure;
            }
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    /** Closes the pool once it is open; a pool that never opened has nothing to close. */
    @Override
    public void close() throws Exception {
        DataSource database;
        try {
            database = opening.join();
        } catch (CompletionException | CancellationException notOpened) {
            return;
        }
        if (database instanceof AutoCloseable pool) {
            pool.close();
        }
    }

    private static void closePool(DataSource database) {
        if (database instanceof AutoCloseable pool) {
            try {
                pool.close();
            } catch (Exception e) {
                // the opening's own error is the one to tell
            }
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return opened().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return opened().getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return opened().getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        opened().setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        opened().setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return opened().getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("the pool logs through SLF4J");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : opened().unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || opened().isWrapperFor(type);
    }
}
