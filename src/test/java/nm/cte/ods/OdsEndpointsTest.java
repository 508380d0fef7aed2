package nm.cte.ods;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import org.apache.camel.NoSuchEndpointException;
import org.apache.camel.component.http.HttpEndpoint;
import org.apache.camel.http.common.HttpMethods;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A run's HTTP endpoints are made on a thread of their own, and taken by the requests that need them. */
class OdsEndpointsTest {

    private static final String RECORDS = "http://127.0.0.1:8080/data/v3/ed-fi/studentCTEProgramAssociations";
    private static final String PROGRAMS = "http://127.0.0.1:8080/data/v3/ed-fi/programs";

    private final DefaultCamelContext context = new DefaultCamelContext();
    private final List<String> madeOn = new CopyOnWriteArrayList<>();
    private final Executor making = task -> {
        Thread thread = new Thread(() -> {
            madeOn.add(Thread.currentThread().getName());
            task.run();
        }, "making");
        thread.start();
    };

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void aRunsEndpointsAreMadeOnTheMakingThreadNotTheRunsOwn() {
        context.start();

        OdsEndpoints.RunEndpoints endpoints = new OdsEndpoints(context, making).of(RECORDS, PROGRAMS);
        HttpEndpoint post = (HttpEndpoint) endpoints.postRecord();
        HttpEndpoint delete = (HttpEndpoint) endpoints.deleteRecord();
        HttpEndpoint program = (HttpEndpoint) endpoints.postProgram();

        // read only once all three are taken: each is recorded on its own making thread
        assertEquals(List.of("making", "making", "making"), madeOn);
        assertEquals(RECORDS, post.getHttpUri().toString());
        assertEquals(HttpMethods.POST, post.getHttpMethod());
        assertEquals(HttpMethods.DELETE, delete.getHttpMethod());
        assertEquals(PROGRAMS, program.getHttpUri().toString());
    }

    @Test
    void aDryRunWithoutUrlsMakesNoEndpoint() {
        context.start();

        OdsEndpoints.RunEndpoints endpoints = new OdsEndpoints(context, making).of(null, null);

        assertNull(endpoints.postRecord());
        assertEquals(List.of(), madeOn);
    }

    @Test
    void anEndpointThatCannotBeMadeFailsTheRequestWithItsOwnReason() {
        context.start();

        OdsEndpoints.RunEndpoints endpoints = new OdsEndpoints(context, making).of("nosuch://127.0.0.1:8080/data", null);

        assertThrows(NoSuchEndpointException.class, endpoints::postRecord);
    }
}
