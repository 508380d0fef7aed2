package nm.cte.ods;

import java.net.URI;

/**
 * Where the ODS/API takes a token and holds its resources (D11): the token URL, and the data URL that
 * {@code /ed-fi/{resource}} is appended to.
 */
public record OdsEndpoints(URI tokenUrl, URI dataUrl) {

    /** The layout of an ODS/API 5.x/6.x shared instance: the token at {root}/oauth/token, data at {root}/data/v3. */
    public static OdsEndpoints ofApiRoot(URI apiRoot) {
        String root = apiRoot.toString().endsWith("/") ? apiRoot.toString() : apiRoot + "/";
        return new OdsEndpoints(URI.create(root + "oauth/token"), URI.create(root + "data/v3"));
    }

    /** Where studentCTEProgramAssociations are upserted, and deleted by their resource id. */
    public String associations() {
        return resource("studentCTEProgramAssociations");
    }

    /** Where Programs are upserted (D11, optional). */
    public String programs() {
        return resource("programs");
    }

    private String resource(String name) {
        String data = dataUrl.toString();
        return (data.endsWith("/") ? data : data + "/") + "ed-fi/" + name;
    }

    /** Scheme, host and port, for messages about the ODS as a whole. */
    public String server() {
        return dataUrl.getScheme() + "://" + dataUrl.getAuthority();
    }
}
