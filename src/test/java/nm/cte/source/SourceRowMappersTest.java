package nm.cte.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.RowMapper;

class SourceRowMappersTest {

    @Test
    void aRowIsKeyedByItsColumnLabelsInCapitals() throws Exception {
        List<Map<String, Object>> rows = rows("SELECT 7 AS \"yearId\", 'Central High' AS NAME");

        assertEquals(List.of(Map.of("YEARID", 7, "NAME", "Central High")), rows);
    }

    @Test
    void everyRowOfAQueryHasItsOwnValues() throws Exception {
        List<Map<String, Object>> rows = rows("SELECT X AS DCID FROM SYSTEM_RANGE(1, 3)");

        assertEquals(List.of(Map.of("DCID", 1L), Map.of("DCID", 2L), Map.of("DCID", 3L)), rows);
    }

    private static List<Map<String, Object>> rows(String query) throws Exception {
        RowMapper<Map<String, Object>> mapper = new SourceRowMappers().newColumnRowMapper();
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:");
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(query)) {
            while (result.next()) {
                rows.add(mapper.mapRow(result, rows.size()));
            }
        }
        return rows;
    }
}
