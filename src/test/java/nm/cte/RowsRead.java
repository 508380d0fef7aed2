package nm.cte;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/** A database as code under test sees it, counting the rows its queries hand over: what that code read. */
public final class RowsRead {

    private static final Set<Class<?>> WRAPPED = Set.of(Connection.class, Statement.class, PreparedStatement.class, ResultSet.class);

    private final AtomicLong rows = new AtomicLong();

    /** The database, every row its result sets hand over counted. */
    public DataSource of(DataSource db) {
        return wrapped(DataSource.class, db);
    }

    /** The rows handed over since the last {@link #reset()}. */
    public long count() {
        return rows.get();
    }

    public void reset() {
        rows.set(0);
    }

    private <T> T wrapped(Class<T> type, Object target) {
        return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, (proxy, method, arguments) -> {
            Object result;
            try {
                result = method.invoke(target, arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (type == ResultSet.class && method.getName().equals("next") && Boolean.TRUE.equals(result)) {
                rows.incrementAndGet();
            }
            return result != null && WRAPPED.contains(method.getReturnType()) ? wrapped(method.getReturnType(), result) : result;
        }));
    }
}
