package nm.cte.sandbox;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Resources the ODS holds only so that associations may refer to them (students, programs), by natural key. */
final class Registry {

    private final Map<String, String> idsByKey = new ConcurrentHashMap<>();
    private final Versions versions;

    Registry(Versions versions) {
        this.versions = versions;
    }

    Written register(String key) {
        String fresh = Guids.random();
        String existing = idsByKey.putIfAbsent(key, fresh);
        return existing == null ? new Written(fresh, versions.next(), true) : new Written(existing, versions.next(), false);
    }

    boolean holds(String key) {
        return idsByKey.containsKey(key);
    }

    Optional<String> id(String key) {
        return Optional.ofNullable(idsByKey.get(key));
    }
}
