package nm.cte.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The studentCTEProgramAssociations the sandbox holds, one per natural key, listed in the order they were created. */
final class AssociationStore {

    /** One page of a query, and how many matched in all. */
    record Page(List<StoredAssociation> items, int total) {
    }

    private final Map<NaturalKey, StoredAssociation> byKey = new ConcurrentHashMap<>();
    private final Map<String, NaturalKey> keysById = new ConcurrentHashMap<>();
    private final AtomicLong creations = new AtomicLong();
    private final Versions versions;

    AssociationStore(Versions versions) {
        this.versions = versions;
    }

    /** Creates the item of this key, or replaces its body; the id stays, the version changes. */
    Written upsert(NaturalKey key, ObjectNode body) {
        boolean[] created = new boolean[1];
        // compute holds the lock of this one key only: writes of other keys go on in parallel
        StoredAssociation stored = byKey.compute(key, (k, old) -> {
            created[0] = old == null;
            if (old != null) {
                return old.rewritten(body, versions.next());
            }
            StoredAssociation fresh = new StoredAssociation(Guids.random(), creations.incrementAndGet(), versions.next(), body);
            keysById.put(fresh.id(), k);
            return fresh;
        });
        return new Written(stored.id(), stored.version(), created[0]);
    }

    Optional<StoredAssociation> byId(String id) {
        NaturalKey key = keysById.get(id);
        return Optional.ofNullable(key == null ? null : byKey.get(key)).filter(stored -> stored.id().equals(id));
    }

    boolean delete(String id) {
        NaturalKey key = keysById.remove(id);
        return key != null && byKey.computeIfPresent(key, (k, stored) -> stored.id().equals(id) ? null : stored) == null;
    }

    List<StoredAssociation> all() {
        return byKey.values().stream().sorted(Comparator.comparingLong(StoredAssociation::creation)).toList();
    }

    /** The items whose key fields match the query's, in creation order, one page of them. */
    Page query(Map<String, String> query, Paging paging) {
        List<StoredAssociation> matching = byKey.entrySet().stream()
                .filter(entry -> entry.getKey().matches(query))
                .map(Map.Entry::getValue)
                .sorted(Comparator.comparingLong(StoredAssociation::creation))
                .toList();
        int from = (int) Math.min(matching.size(), (long) paging.offset());
        int to = (int) Math.min(matching.size(), (long) from + paging.limit());
        return new Page(matching.subList(from, to), matching.size());
    }
}
