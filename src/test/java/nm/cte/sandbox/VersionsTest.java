package nm.cte.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Row versions as the ODS/API makes its ETags: .NET DateTime.ToBinary() of the write time, never the same twice. */
class VersionsTest {

    private static final Clock FROZEN = Clock.fixed(Instant.parse("2024-08-20T17:05:13.0311398Z"), ZoneOffset.UTC);

    @Test
    void versionIsTheDotNetBinaryOfTheWriteTime() {
        long version = new Versions(FROZEN).next();

        assertEquals(5250283721557699302L, version);
        assertEquals("2024-08-20T17:05:13.0311398Z", Versions.lastModifiedDate(version));
    }

    @Test
    void writesInTheSameTickStillGetNewVersions() {
        Versions versions = new Versions(FROZEN);

        long first = versions.next();

        assertTrue(versions.next() > first);
    }

    @Test
    void etagIsTheVersionInQuotes() {
        assertEquals("\"42\"", Versions.etag(42));
    }
}
