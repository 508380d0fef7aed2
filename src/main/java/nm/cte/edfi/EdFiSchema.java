package nm.cte.edfi;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.OpenApi30;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/** The Ed-Fi schema of studentCTEProgramAssociation in one Data Standard, against which every record is checked before it is sent (D10). */
public final class EdFiSchema {

    private static final String ASSOCIATION = "#/components/schemas/edFi_studentCTEProgramAssociation";

    private final DataStandard dataStandard;
    private final CompletableFuture<Schema> schema = new CompletableFuture<>();
    private final AtomicBoolean read = new AtomicBoolean();

    /** The schema, read by its first check unless it is read ahead. */
    public EdFiSchema(DataStandard dataStandard) {
        this.dataStandard = dataStandard;
    }

    /**
     * Reads the schema on a thread of {@code reading} while the caller goes on (a run reads its source meanwhile): the
     * validator's classes and the Data Standard's document take a noticeable part of a short run's start. Once only.
     */
    public void readAhead(Executor reading) {
        // a plain read first: every check passes here, and a compare-and-set would claim the flag's cache line each
        // time, between the threads that check
        if (!read.get() && read.compareAndSet(false, true)) {
            reading.execute(() -> {
                try {
                    schema.complete(load(dataStandard));
                } catch (Throwable e) {
                    // whatever stopped the reading fails the checks with it: none may wait for a schema never read
                    schema.completeExceptionally(e);
                }
            });
        }
    }

    private static Schema load(DataStandard dataStandard) {
        // OpenAPI documents carry keywords that validate nothing (openapi, x-Ed-Fi-isIdentity, ...): accept them quietly
        Dialect dialect = Dialect.builder(OpenApi30.getInstance())
                .unknownKeywordFactory((keyword, context) -> new NonValidationKeyword(keyword))
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(dialect);
        return registry.getSchema(SchemaLocation.of("classpath:" + dataStandard.schemaResource() + ASSOCIATION));
    }

    /** What is wrong with a record, one problem after another, or an empty string when it is valid. */
    public String problems(JsonNode record) {
        // not read ahead: read now, by the first check
        readAhead(Runnable::run);
        Schema loaded;
        try {
            loaded = schema.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        List<Error> errors = loaded.validate(record);
        return errors.stream().map(Error::toString).collect(Collectors.joining("; "));
    }
}
