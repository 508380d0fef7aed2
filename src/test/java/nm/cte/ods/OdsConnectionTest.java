package nm.cte.ods;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import nm.cte.sandbox.Route;
import nm.cte.sandbox.SandboxOds;
import nm.cte.sandbox.SandboxOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The discovery document read while the process starts stands for the API at the run that opens next, if soon. */
class OdsConnectionTest {

    private static final int SCHOOL_YEAR = 2027;

    private final MovedClock clock = new MovedClock(Instant.parse("2026-12-05T09:00:00Z").toEpochMilli());
    private SandboxOds ods;
    private OdsConnection connection;

    @BeforeEach
    void api() throws Exception {
        ods = SandboxOds.start(SandboxOptions.defaults("publisher", "s3cret"));
        connection = new OdsConnection(ods.baseUrl(), new Discovery.Overrides(null, null, null, null),
                new OdsConnection.Credentials("publisher", new Secret("s3cret"), null), () -> null, null,
                Duration.ofSeconds(5), Duration.ofSeconds(5), clock);
    }

    @AfterEach
    void stop() {
        ods.close();
    }

    @Test
    void theRunOpeningRightAfterTheStartUsesTheDocumentReadAhead() throws Exception {
        connection.readDocumentAhead();
        clock.millis += 5_000;

        Discovery.Endpoints endpoints = connection.open(SCHOOL_YEAR);

        assertEquals(1, ods.stats().requests(Route.DISCOVERY));
        assertEquals(ods.dataUrl() + "/ed-fi/studentCTEProgramAssociations", endpoints.associations());
    }

    @Test
    void aDocumentReadAheadMoreThanAMinuteAgoIsReadAgain() throws Exception {
        connection.readDocumentAhead();
        clock.millis += 61_000;

        connection.open(SCHOOL_YEAR);

        assertEquals(2, ods.stats().requests(Route.DISCOVERY));
    }

    @Test
    void aDocumentReadAheadServesOneRunOnly() throws Exception {
        connection.readDocumentAhead();

        connection.open(SCHOOL_YEAR);
        connection.open(SCHOOL_YEAR);

        assertEquals(2, ods.stats().requests(Route.DISCOVERY));
    }
}
