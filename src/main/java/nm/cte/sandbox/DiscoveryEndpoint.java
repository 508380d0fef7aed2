package nm.cte.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.ZoneOffset;

/**
 * The discovery document ("version endpoint") each real server answers GET of its root with, no token needed: its
 * version, its Data Standard and the URLs of its token and data, each field as that server's own code builds it
 * (ODS/API 5.x/6.x and 7.x {@code VersionController}, the DMS's {@code DiscoveryEndpointModule}, Meadowlark's
 * {@code CreateApiVersionObject}).
 */
final class DiscoveryEndpoint {

    private final SandboxOptions options;
    private final String apiRoot;
    private final Clock clock;

    DiscoveryEndpoint(SandboxOptions options, String apiRoot, Clock clock) {
        this.options = options;
        this.apiRoot = apiRoot;
        this.clock = clock;
    }

    /** @param path the path as requested: for the tenant layout, how much of tenant and year it names matters */
    Answer get(String path) {
        return Answer.json(200, switch (options.layout()) {
            case SHARED, YEAR, INSTANCE -> options.apiMajorVersion() >= 7 ? odsApi7(apiRoot) : odsApi5or6();
            case TENANT -> odsApi7(apiRoot + tenantPrefix(path));
            case DMS -> dataManagementService();
            case MEADOWLARK -> meadowlark();
        });
    }

    /**
     * ODS/API 5.x/6.x: apiMode says how data is split; a year-specific server puts the year of its own calendar into
     * every URL (not the school year), and an instance-year-specific one a literal {instance}.
     */
    private ObjectNode odsApi5or6() {
        Layout layout = options.layout();
        String year = layout == Layout.SHARED ? "" : Integer.toString(clock.instant().atZone(ZoneOffset.UTC).getYear());
        String instance = layout == Layout.INSTANCE ? "{instance}/" : "";
        String version = options.apiMajorVersion() == 5 ? "5.4" : "6.2";
        ObjectNode document = Json.object()
                .put("version", version)
                .put("informationalVersion", version)
                .put("suite", "3")
                .put("build", options.apiMajorVersion() == 5 ? "5.4.1468.0" : "6.2.2936.0")
                .put("apiMode", switch (layout) {
                    case YEAR -> "Year Specific";
                    case INSTANCE -> "Instance Year Specific";
                    default -> "Sandbox";
                });
        addEdFiModel(document);
        String yearSegment = year.isEmpty() ? "" : year + "/";
        document.putObject("urls")
                .put("dependencies", apiRoot + "/metadata/data/v3/" + instance + yearSegment + "dependencies")
                .put("openApiMetadata", apiRoot + "/metadata/" + instance + year)
                .put("oauth", apiRoot + (layout == Layout.INSTANCE ? "/{instance}" : "") + "/oauth/token")
                .put("dataManagementApi", apiRoot + "/data/v3/" + instance + year)
                .put("xsdMetadata", apiRoot + "/metadata/" + instance + yearSegment + "xsd")
                .put("changeQueries", apiRoot + "/changeQueries/v1/" + instance + year)
                .put("composites", apiRoot + "/composites/v1/" + instance + year);
        return document;
    }

    /** ODS/API 7.x: no apiMode; segments the request did not name stay placeholders. */
    private ObjectNode odsApi7(String root) {
        ObjectNode document = Json.object()
                .put("version", "7.2")
                .put("applicationName", "Ed-Fi ODS / API")
                .put("informationalVersion", "7.2")
                .put("suite", "3")
                .put("build", "7.2.4082.0");
        addEdFiModel(document);
        document.putObject("urls")
                .put("dependencies", root + "/metadata/data/v3/dependencies")
                .put("openApiMetadata", root + "/metadata/")
                .put("oauth", root + "/oauth/token")
                .put("oauthTokenIntrospection", root + "/oauth/token_info")
                .put("dataManagementApi", root + "/data/v3/")
                .put("xsdMetadata", root + "/metadata/xsd")
                .put("changeQueries", root + "/changeQueries/v1/")
                .put("composites", root + "/composites/v1/");
        return document;
    }

    /** /, /tenant1 or /tenant1/{year} as asked: what was not asked for is a placeholder. */
    private String tenantPrefix(String path) {
        String[] segments = path.replaceAll("^/+|/+$", "").split("/");
        String tenant = segments.length >= 1 && !segments[0].isEmpty() ? segments[0] : "{tenantIdentifier}";
        String year = segments.length >= 2 ? segments[1] : "{schoolYearFromRoute}";
        return "/" + tenant + "/" + year;
    }

    /** The DMS: data at /data, no /v3 and no trailing slash. */
    private ObjectNode dataManagementService() {
        ObjectNode document = Json.object()
                .put("version", "1.0.0")
                .put("applicationName", "Ed-Fi Alliance Data Management Service")
                .put("informationalVersion", "Release Candidate 1");
        addEdFiModel(document);
        document.putObject("urls")
                .put("dependencies", apiRoot + "/metadata/dependencies")
                .put("openApiMetadata", apiRoot + "/metadata/specifications")
                .put("oauth", apiRoot + "/oauth/token")
                .put("tokenInfo", apiRoot + "/oauth/token_info")
                .put("dataManagementApi", apiRoot + "/data")
                .put("changeQueries", apiRoot + "/changeQueries/v1/")
                .put("xsdMetadata", apiRoot + "/metadata/xsd");
        return document;
    }

    /** Meadowlark, at its stage: its own apiMode spelling and data under /v3.3b/. */
    private ObjectNode meadowlark() {
        String base = apiRoot + options.layout().basePath(options.schoolYear());
        ObjectNode document = Json.object()
                .put("version", "1.0.0")
                .put("apiMode", "SharedInstance");
        document.putArray("dataModels").addObject()
                .put("name", "Ed-Fi")
                .put("version", dataStandardVersion());
        document.putObject("urls")
                .put("dependencies", base + "/metadata/data/v3/dependencies")
                .put("openApiMetadata", base + "/metadata/")
                .put("oauth", base + "/oauth/token")
                .put("dataManagementApi", base + "/v3.3b/")
                .put("xsdMetadata", base + "/metadata/xsd");
        return document;
    }

    private void addEdFiModel(ObjectNode document) {
        document.putArray("dataModels").addObject()
                .put("name", "Ed-Fi")
                .put("version", dataStandardVersion())
                .put("informationalVersion", "The Ed-Fi Data Standard v" + dataStandardVersion());
    }

    /** The release of each Data Standard whose schema the sandbox checks against (see src/main/resources/edfi/). */
    private String dataStandardVersion() {
        return switch (options.dataStandard()) {
            case 3 -> "3.3.1-b";
            case 4 -> "4.0.0";
            default -> "5.1.0";
        };
    }
}
