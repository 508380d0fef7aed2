package nm.cte.source;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SharedStateIdsTest {

    @Test
    void aStateIdCarriedByMoreThanOneStudentIsSharedInWhateverOrderTheIdsCome() {
        SharedStateIds shared = SharedStateIds.of(ids("222", "111", "333", "222").iterator());

        assertTrue(shared.test("222"));
    }

    @Test
    void aStateIdCarriedOnceIsNotShared() {
        SharedStateIds shared = SharedStateIds.of(ids("222", "111", "333", "222").iterator());

        assertFalse(shared.test("111"));
        assertFalse(shared.test("444"));
    }

    @Test
    void aLargeDistrictsDistinctIdsAreNoneOfThemShared() {
        List<String> distinct = IntStream.range(0, 300_000).mapToObj(n -> Integer.toString(100_000_000 + n)).toList();

        SharedStateIds shared = SharedStateIds.of(ids(distinct.toArray(String[]::new)).iterator());

        assertTrue(distinct.stream().noneMatch(shared), "a distinct id looked shared");
    }

    @Test
    void anIdRepeatedFarApartInALargeDistrictIsShared() {
        List<String> district = new ArrayList<>(IntStream.range(0, 200_000).mapToObj(n -> Integer.toString(100_000_000 + n)).toList());
        district.add("100000007");

        SharedStateIds shared = SharedStateIds.of(ids(district.toArray(String[]::new)).iterator());

        assertTrue(shared.test("100000007"));
        assertFalse(shared.test("100000008"));
    }

    private static List<Map<String, Object>> ids(String... stateIds) {
        return Arrays.stream(stateIds).<Map<String, Object>>map(id -> Map.of("STATE_ID", id)).toList();
    }
}
