package nm.cte.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SourceRowsTest {

    @Test
    void aStateIdCarriedByMoreThanOneStudentIsShared() {
        List<Map<String, Object>> sortedIds = List.of(Map.of("STATE_ID", "111"), Map.of("STATE_ID", "222"),
                Map.of("STATE_ID", "222"), Map.of("STATE_ID", "222"), Map.of("STATE_ID", "333"));

        assertEquals(Set.of("222"), SourceRows.sharedStateIds(sortedIds.iterator()));
    }
}
