package nm.cte.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** Reads a request body that must be one JSON object, and refuses it in the ODS/API's words when it is not. */
final class JsonBody {

    private static final String EMPTY = "A non-empty request body is required.";
    private static final String NOT_AN_OBJECT = "The request body must be a JSON object.";

    private JsonBody() {
    }

    static ObjectNode read(Incoming in, ErrorDialect errors) throws Refusal {
        String contentType = in.header("Content-Type");
        if (contentType == null) {
            throw new Refusal(errors.unsupportedMediaType(true));
        }
        if (!isJson(contentType)) {
            throw new Refusal(errors.unsupportedMediaType(false));
        }
        if (in.body().length == 0) {
            throw new Refusal(errors.malformedBody(EMPTY));
        }
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(in.body());
        } catch (JsonProcessingException e) {
            throw new Refusal(errors.malformedBody(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new Refusal(errors.malformedBody(e.getMessage()));
        }
        if (body instanceof ObjectNode object) {
            return object;
        }
        throw new Refusal(errors.malformedBody(NOT_AN_OBJECT));
    }

    /** application/json, with or without parameters such as charset. */
    static boolean isJson(String contentType) {
        int semicolon = contentType.indexOf(';');
        String mediaType = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return mediaType.trim().equalsIgnoreCase("application/json");
    }
}
