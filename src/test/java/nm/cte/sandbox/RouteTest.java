package nm.cte.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Requests told apart by method and path, as ASP.NET routes them: without regard to case. */
class RouteTest {

    @Test
    void itemPathIsTheCollectionPathWithAnId() {
        assertEquals(Route.GET_ASSOCIATION,
                Route.of("GET", "/data/v3/ed-fi/studentCTEProgramAssociations/0f4c2b7e9d1a4c3b8e6f5a4d3c2b1a09"));
    }

    @Test
    void pathsMatchWithoutRegardToCase() {
        assertEquals(Route.POST_ASSOCIATION, Route.of("POST", "/data/v3/ed-fi/studentctePROGRAMassociations"));
    }

    @Test
    void knownPathWithOtherMethodIsNotAllowed() {
        assertEquals(Route.METHOD_NOT_ALLOWED, Route.of("PUT", "/data/v3/ed-fi/studentCTEProgramAssociations"));
    }

    @Test
    void deeperPathIsUnknown() {
        assertEquals(Route.UNKNOWN_PATH, Route.of("GET", "/data/v3/ed-fi/studentCTEProgramAssociations/a/b"));
    }
}
