package nm.cte.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The ledger's H2 page cache, sized from the heap for an embedded file, and its compaction on close, skipped by a process
 * that writes nothing; an H2 source file opened read-only: each left alone where the URL or a server decides.
 */
class DatabasesTest {

    private static final long GIGABYTE = 1024L * 1024 * 1024;

    @Test
    void anEmbeddedH2LedgerCachesASixteenthOfTheHeap() {
        assertEquals("jdbc:h2:./data/cte-ledger;DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE=65536",
                Databases.withLedgerCache("jdbc:h2:./data/cte-ledger;DB_CLOSE_ON_EXIT=FALSE", GIGABYTE));
    }

    @Test
    void theLedgersCacheStopsAtAQuarterGigabyte() {
        assertEquals("jdbc:h2:/var/cte/ledger;CACHE_SIZE=262144", Databases.withLedgerCache("jdbc:h2:/var/cte/ledger", 24 * GIGABYTE));
    }

    @Test
    void aSmallHeapKeepsH2sOwnCache() {
        assertEquals("jdbc:h2:/var/cte/ledger", Databases.withLedgerCache("jdbc:h2:/var/cte/ledger", 256L * 1024 * 1024));
    }

    @Test
    void aCacheTheUrlSetsIsKept() {
        assertEquals("jdbc:h2:/var/cte/ledger;cache_size=4096", Databases.withLedgerCache("jdbc:h2:/var/cte/ledger;cache_size=4096", GIGABYTE));
    }

    @Test
    void aServersOrAnotherDatabasesUrlIsLeftAlone() {
        for (String url : new String[] {"jdbc:h2:tcp://ledger-db/cte", "jdbc:h2:mem:ledger", "jdbc:postgresql://ledger-db:5432/ctepub"}) {
            assertEquals(url, Databases.withLedgerCache(url, GIGABYTE));
        }
    }

    @Test
    void aLedgerOfAProcessThatWritesNothingIsNotCompactedOnClose() {
        assertEquals("jdbc:h2:./data/cte-ledger;DB_CLOSE_ON_EXIT=FALSE;MAX_COMPACT_TIME=0",
                Databases.withoutCompactionOnClose("jdbc:h2:./data/cte-ledger;DB_CLOSE_ON_EXIT=FALSE"));
    }

    @Test
    void aCompactionTimeTheUrlSetsIsKept() {
        assertEquals("jdbc:h2:/var/cte/ledger;max_compact_time=100", Databases.withoutCompactionOnClose("jdbc:h2:/var/cte/ledger;max_compact_time=100"));
    }

    @Test
    void aServersLedgerIsCompactedAsTheServerDecides() {
        for (String url : new String[] {"jdbc:h2:tcp://ledger-db/cte", "jdbc:h2:mem:ledger", "jdbc:postgresql://ledger-db:5432/ctepub"}) {
            assertEquals(url, Databases.withoutCompactionOnClose(url));
        }
    }

    @Test
    void anEmbeddedH2SourceIsOpenedReadOnly() {
        assertEquals("jdbc:h2:/var/cte/powerschool;DB_CLOSE_ON_EXIT=FALSE;ACCESS_MODE_DATA=r",
                Databases.readingOnly("jdbc:h2:/var/cte/powerschool;DB_CLOSE_ON_EXIT=FALSE"));
    }

    @Test
    void aSourceInMemoryOnAServerOrElsewhereIsOpenedAsItsUrlSays() {
        for (String url : new String[] {"jdbc:h2:mem:powerschool", "jdbc:h2:tcp://ps-db/powerschool", "jdbc:h2:/var/cte/ps;access_mode_data=rw",
                "jdbc:oracle:thin:@//powerschool-db:1521/PSPRODDB"}) {
            assertEquals(url, Databases.readingOnly(url));
        }
    }
}
