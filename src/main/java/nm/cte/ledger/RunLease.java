package nm.cte.ledger;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The ledger's run lease (table CTE_LEASE, one row): a run sends and writes only while it holds it, so that runs never
 * overlap, whichever process or machine starts them. It is taken by one UPDATE that finds it free or expired, which
 * every database does atomically, and renewed while the run goes on; a holder that died stops renewing it, and it
 * expires. Times come from the database's clock, so the machines' clocks need not agree.
 */
final class RunLease {

    private static final String ROW = " WHERE LEASE_NAME = 'LEDGER'";
    private static final String MINE = ROW + " AND HOLDER_HOST = ? AND HOLDER_PID = ? AND HOLDER_RUN = ? AND EXPIRES IS NOT NULL";

    private final Duration length;
    private final String host = hostName();
    private final long pid = ProcessHandle.current().pid();

    /** @param length how long the lease lasts unless renewed: how long a dead holder keeps the ledger */
    RunLease(Duration length) {
        this.length = length;
    }

    /**
     * Takes the lease for a run about to be numbered, in the caller's transaction, which holds the row until it commits.
     *
     * @param scheduledFire the schedule's fire that asks, or null: a fire another process already ran is not run again
     */
    void take(Connection connection, Instant scheduledFire) throws SQLException, LedgerHeldException {
        Instant now = now(connection);
        String scheduled = scheduledFire == null ? "" : ", LAST_SCHEDULED = ?";
        String notYetRun = scheduledFire == null ? "" : " AND (LAST_SCHEDULED IS NULL OR LAST_SCHEDULED < ?)";
        try (PreparedStatement take = connection.prepareStatement("UPDATE CTE_LEASE SET HOLDER_HOST = ?, HOLDER_PID = ?,"
                + " HOLDER_RUN = NULL, ACQUIRED = ?, EXPIRES = ?" + scheduled + ROW + " AND (EXPIRES IS NULL OR EXPIRES < ?)" + notYetRun)) {
            int i = 0;
            take.setString(++i, host);
            take.setLong(++i, pid);
            setTime(take, ++i, now);
            setTime(take, ++i, now.plus(length));
            if (scheduledFire != null) {
                setTime(take, ++i, scheduledFire);
            }
            setTime(take, ++i, now);
            if (scheduledFire != null) {
                setTime(take, ++i, scheduledFire);
            }
            if (take.executeUpdate() == 1) {
                return;
            }
        }
        Holder holder = holder(connection);
        if (holder.expires() != null && holder.expires().isAfter(now)) {
            throw holder.refusal();
        }
        throw new LedgerHeldException("the schedule's run of " + scheduledFire + " already ran (" + holder.named() + ")");
    }

    /** Names the run that holds the lease just taken, in the same transaction. */
    void holdFor(Connection connection, long run) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE CTE_LEASE SET HOLDER_RUN = ?" + ROW
                + " AND HOLDER_HOST = ? AND HOLDER_PID = ?")) {
            update.setLong(1, run);
            update.setString(2, host);
            update.setLong(3, pid);
            update.executeUpdate();
        }
    }

    /** Extends the lease of a run that goes on; false when it is no longer this run's (it expired and was taken). */
    boolean renew(Connection connection, long run) throws SQLException {
        Instant now = now(connection);
        try (PreparedStatement renew = connection.prepareStatement("UPDATE CTE_LEASE SET EXPIRES = ?" + MINE)) {
            setTime(renew, 1, now.plus(length));
            mine(renew, 2, run);
            return renew.executeUpdate() == 1;
        }
    }

    /** Gives the lease up at the run's end; the row keeps who held it last. */
    void release(Connection connection, long run) throws SQLException {
        try (PreparedStatement release = connection.prepareStatement("UPDATE CTE_LEASE SET EXPIRES = NULL" + MINE)) {
            mine(release, 1, run);
            release.executeUpdate();
        }
    }

    /** Why a run could not start now, if another holds the lease. */
    Optional<LedgerHeldException> heldElsewhere(Connection connection) throws SQLException {
        Instant now = now(connection);
        Holder holder = holder(connection);
        return holder.expires() != null && holder.expires().isAfter(now) ? Optional.of(holder.refusal()) : Optional.empty();
    }

    private void mine(PreparedStatement statement, int index, long run) throws SQLException {
        statement.setString(index, host);
        statement.setLong(index + 1, pid);
        statement.setLong(index + 2, run);
    }

    /** Who holds or last held the lease, and until when. */
    private record Holder(String host, Long run, Instant since, Instant expires) {

        String named() {
            return "run " + (run == null ? "?" : run) + " on " + host;
        }

        LedgerHeldException refusal() {
            return new LedgerHeldException("another run (" + named() + ") holds the ledger since " + since);
        }
    }

    private static Holder holder(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT HOLDER_HOST, HOLDER_RUN, ACQUIRED, EXPIRES FROM CTE_LEASE" + ROW);
             ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("the ledger has no row LEDGER in CTE_LEASE: its migration V2 did not run");
            }
            long run = row.getLong(2);
            return new Holder(row.getString(1), row.wasNull() ? null : run, time(row, 3), time(row, 4));
        }
    }

    /** The database's clock. */
    private static Instant now(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT CURRENT_TIMESTAMP FROM CTE_LEASE" + ROW);
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getObject(1, OffsetDateTime.class).toInstant();
        }
    }

    private static void setTime(PreparedStatement statement, int index, Instant time) throws SQLException {
        statement.setObject(index, LocalDateTime.ofInstant(time, ZoneOffset.UTC), Types.TIMESTAMP);
    }

    private static Instant time(ResultSet row, int column) throws SQLException {
        LocalDateTime time = row.getObject(column, LocalDateTime.class);
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "an unnamed host";
        }
    }
}
