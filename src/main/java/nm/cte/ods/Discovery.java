package nm.cte.ods;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nm.cte.settings.SettingException;

/**
 * Decides where a run takes its token and sends its records, and in which Data Standard, from the Ed-Fi API's
 * discovery document (the JSON its root answers without a token), the operator's overrides and the run's school year.
 * The GET itself is the caller's: this class only reads what came back.
 */
public final class Discovery {

    /** Year Specific ODS/API 5.x/6.x: data under the school year. */
    static final String YEAR_SPECIFIC = "Year Specific";
    /** Instance Year Specific ODS/API 5.x/6.x: data and token under the instance, data under the school year too. */
    static final String INSTANCE_YEAR_SPECIFIC = "Instance Year Specific";
    /** The Data Standard of an API that does not say. */
    static final int USUAL_DATA_STANDARD = 4;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}/]+)}");
    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*v?(\\d+)");
    private static final String INSTANCE_PLACEHOLDER = "{instance}";

    private Discovery() {
    }

    /**
     * The operator's settings that win over the discovery document; null where not set.
     *
     * @param tokenUrl     CTE_ODS_TOKEN_URL
     * @param dataUrl      CTE_ODS_DATA_URL: what /ed-fi/studentCTEProgramAssociations is appended to
     * @param instance     CTE_ODS_INSTANCE, for an Instance Year Specific ODS/API
     * @param dataStandard CTE_ODS_DATA_STANDARD: 3, 4 or 5
     */
    public record Overrides(String tokenUrl, String dataUrl, String instance, Integer dataStandard) {

        public static Overrides none() {
            return new Overrides(null, null, null, null);
        }
    }

    /**
     * Where and how a run talks to the Ed-Fi API.
     *
     * @param tokenUrl     where the token is asked for
     * @param dataUrl      what /ed-fi/{resource} is appended to, without a trailing slash
     * @param dataStandard 3, 4 or 5: the shape and schema of the records
     * @param api          the API and its version as its discovery document names them, for the run's first line
     * @param notes        to be logged once at INFO (how the endpoints were found when there was no document)
     * @param warnings     to be logged once at WARN (a setting that disagrees with the API)
     */
    public record Endpoints(URI tokenUrl, URI dataUrl, int dataStandard, String api, List<String> notes,
                            List<String> warnings) {

        public Endpoints {
            notes = List.copyOf(notes);
            warnings = List.copyOf(warnings);
        }

        /** The URL of a resource collection, e.g. "studentCTEProgramAssociations" in the ed-fi schema. */
        public URI resource(String collection) {
            return URI.create(dataUrl + "/ed-fi/" + collection);
        }

        /**
         * Where studentCTEProgramAssociations are upserted, and deleted by their resource id: the HTTP endpoint's URI,
         * which the routes ask for on every request, so it is plain text joined, not a URI parsed.
         */
        public String associations() {
            return dataUrl + "/ed-fi/studentCTEProgramAssociations";
        }

        /** Where Programs are upserted (D11, optional). */
        public String programs() {
            return dataUrl + "/ed-fi/programs";
        }

        /** Scheme, host and port of the data, for messages about the API as a whole. */
        public String server() {
            return dataUrl.getScheme() + "://" + dataUrl.getAuthority();
        }

        /** One line without any secret: API, token URL, data URL, Data Standard. */
        public String describe() {
            return api + ", token " + tokenUrl + ", data " + dataUrl + ", Data Standard " + dataStandard;
        }
    }

    /** The URL to GET, without a token, for the discovery document: CTE_ODS_BASE_URL itself, with a trailing slash. */
    public static URI documentUrl(URI root) {
        return URI.create(withoutTrailingSlash(root.toString()) + "/");
    }

    /**
     * The endpoints of a run.
     *
     * @param root        CTE_ODS_BASE_URL, which serves the discovery document
     * @param status      the status of the GET of {@link #documentUrl}
     * @param contentType its Content-Type, null when none
     * @param body        its body, null or empty when none
     * @param schoolYear  the run's school year, its ending year (D3): a year-specific API's data lies under it
     * @throws SettingException when the settings or the document leave the URLs incomplete; its message is one line
     */
    public static Endpoints endpoints(URI root, int status, String contentType, String body, Overrides overrides,
                                      int schoolYear) {
        String base = withoutTrailingSlash(root.toString());
        Overrides settings = checked(overrides);
        String whyNone = whyNoDocument(status, contentType, body);
        DiscoveryDocument document = whyNone == null ? DiscoveryDocument.parse(body) : null;
        if (document == null) {
            return withoutDocument(base, whyNone == null ? "not JSON" : whyNone, settings, schoolYear);
        }
        List<String> warnings = new ArrayList<>();
        String apiMode = document.text("apiMode", "");
        Map<String, String> urls = document.urls();
        String instance = settings.instance();
        String tokenUrl;
        String dataUrl;
        if (apiMode.equalsIgnoreCase(YEAR_SPECIFIC)) {
            // the year in the document is the server's calendar year, not the school year the run publishes
            tokenUrl = text(urls, "oauth", base + "/oauth/token");
            dataUrl = base + "/data/v3/" + schoolYear;
        } else if (apiMode.equalsIgnoreCase(INSTANCE_YEAR_SPECIFIC)) {
            if (instance == null && (settings.tokenUrl() == null || settings.dataUrl() == null)) {
                throw new SettingException("CTE_ODS_INSTANCE is not set: the ODS/API at " + base
                        + " is Instance Year Specific, its URLs read " + base + "/data/v3/{instance}/...; set it to the"
                        + " name of your instance");
            }
            tokenUrl = base + "/" + instance + "/oauth/token";
            dataUrl = base + "/data/v3/" + instance + "/" + schoolYear;
        } else {
            tokenUrl = text(urls, "oauth", base + "/oauth/token");
            dataUrl = text(urls, "dataManagementApi", base + "/data/v3");
            if (instance != null) {
                tokenUrl = tokenUrl.replace(INSTANCE_PLACEHOLDER, instance);
                dataUrl = dataUrl.replace(INSTANCE_PLACEHOLDER, instance);
            }
        }
        if (settings.tokenUrl() != null) {
            tokenUrl = settings.tokenUrl();
        }
        if (settings.dataUrl() != null) {
            dataUrl = settings.dataUrl();
        }
        refuseUnfilled(base, tokenUrl, dataUrl, schoolYear);
        int dataStandard = dataStandard(base, document, settings, warnings);
        return new Endpoints(uri(base, tokenUrl), uri(base, withoutTrailingSlash(dataUrl)), dataStandard,
                api(document, apiMode), List.of(), warnings);
    }

    /** No document: the ODS/API 5.x/6.x shared-instance paths under the root, unless the operator says otherwise. */
    private static Endpoints withoutDocument(String base, String why, Overrides settings, int schoolYear) {
        String instance = settings.instance();
        URI tokenUrl = URI.create(settings.tokenUrl() != null ? settings.tokenUrl()
                : instance != null ? base + "/" + instance + "/oauth/token" : base + "/oauth/token");
        URI dataUrl = URI.create(withoutTrailingSlash(settings.dataUrl() != null ? settings.dataUrl()
                : instance != null ? base + "/data/v3/" + instance + "/" + schoolYear : base + "/data/v3"));
        int dataStandard = settings.dataStandard() != null ? settings.dataStandard() : USUAL_DATA_STANDARD;
        String note = "No discovery document at " + documentUrl(URI.create(base)) + " (" + why + "): token "
                + tokenUrl + ", data " + dataUrl + ", Data Standard " + dataStandard
                + "; CTE_ODS_TOKEN_URL, CTE_ODS_DATA_URL and CTE_ODS_DATA_STANDARD set them otherwise";
        return new Endpoints(tokenUrl, dataUrl, dataStandard, "an Ed-Fi API without a discovery document",
                List.of(note), List.of());
    }

    /** Null when the answer is a discovery document, else why it is not. */
    private static String whyNoDocument(int status, String contentType, String body) {
        if (status != 200) {
            return "HTTP " + status;
        }
        if (contentType != null && !contentType.toLowerCase(Locale.ROOT).contains("json")) {
            return "not JSON but " + contentType.split(";")[0].strip();
        }
        if (body == null || body.isBlank()) {
            return "an empty answer";
        }
        DiscoveryDocument document = DiscoveryDocument.parse(body);
        if (document == null) {
            return "not JSON";
        }
        return document.urls() != null ? null : "no urls in it";
    }

    /** A URL still holding a {placeholder} means the root lacks segments that only the operator knows. */
    private static void refuseUnfilled(String base, String tokenUrl, String dataUrl, int schoolYear) {
        for (String url : List.of(dataUrl, tokenUrl)) {
            List<String> placeholders = new ArrayList<>();
            Matcher matcher = PLACEHOLDER.matcher(url);
            while (matcher.find()) {
                placeholders.add(matcher.group(1));
            }
            if (placeholders.isEmpty()) {
                continue;
            }
            if (placeholders.contains("instance")) {
                throw new SettingException("CTE_ODS_INSTANCE is not set: the Ed-Fi API at " + base
                        + " serves each instance at its own URL (" + url + "); set it to the name of your instance");
            }
            List<String> examples = new ArrayList<>();
            List<String> meanings = new ArrayList<>();
            for (String placeholder : placeholders) {
                String name = placeholder.toLowerCase(Locale.ROOT);
                if (name.startsWith("tenant")) {
                    examples.add("TENANT");
                    meanings.add("your tenant's identifier");
                } else if (name.contains("year")) {
                    examples.add(Integer.toString(schoolYear));
                    meanings.add("the school year");
                } else {
                    examples.add(placeholder.toUpperCase(Locale.ROOT));
                    meanings.add("your " + placeholder);
                }
            }
            throw new SettingException("CTE_ODS_BASE_URL " + base + " is incomplete: its discovery document leaves "
                    + String.join(", ", placeholders.stream().map(p -> "{" + p + "}").toList()) + " in " + url
                    + "; add " + String.join(" and ", meanings) + " to it, e.g. CTE_ODS_BASE_URL=" + base + "/"
                    + String.join("/", examples));
        }
    }

    /** The Data Standard of the "Ed-Fi" data model: 3.x is 3, 4.x is 4, 5.x and later 5; the setting wins. */
    private static int dataStandard(String base, DiscoveryDocument document, Overrides settings, List<String> warnings) {
        String served = null;
        for (Map<String, String> model : document.dataModels()) {
            if (model.getOrDefault("name", "").equalsIgnoreCase("Ed-Fi")) {
                served = model.get("version");
            }
        }
        Integer discovered = served == null ? null : major(base, served);
        if (settings.dataStandard() == null) {
            return discovered == null ? USUAL_DATA_STANDARD : discovered;
        }
        if (discovered != null && !discovered.equals(settings.dataStandard())) {
            warnings.add("CTE_ODS_DATA_STANDARD=" + settings.dataStandard() + " but the Ed-Fi API at " + base
                    + " serves Data Standard " + served + "; records are built for Data Standard "
                    + settings.dataStandard() + " as set");
        }
        return settings.dataStandard();
    }

    private static Integer major(String base, String version) {
        Matcher matcher = LEADING_NUMBER.matcher(version);
        if (!matcher.find()) {
            return null;
        }
        int major = Integer.parseInt(matcher.group(1));
        if (major < 3) {
            throw new SettingException("the Ed-Fi API at " + base + " serves Data Standard " + version
                    + "; the publisher publishes to Data Standard 3, 4 and 5 only");
        }
        return Math.min(major, 5);
    }

    /** "ODS/API 6.2 (Year Specific)", "Ed-Fi ODS / API 7.2", "Ed-Fi Alliance Data Management Service 1.0.0". */
    private static String api(DiscoveryDocument document, String apiMode) {
        String version = document.text("version", "");
        String name = document.text("applicationName", "");
        if (name.isEmpty()) {
            name = document.text("suite", "").equals("3") ? "ODS/API" : "Ed-Fi API";
        }
        String described = version.isEmpty() ? name : name + " " + version;
        return apiMode.isEmpty() ? described : described + " (" + apiMode + ")";
    }

    private static URI uri(String base, String url) {
        try {
            return URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new SettingException("the discovery document at " + base + " gives " + url
                    + ", which is no URL; set CTE_ODS_TOKEN_URL and CTE_ODS_DATA_URL");
        }
    }

    private static String text(Map<String, String> urls, String field, String absent) {
        String value = urls.get(field);
        return value != null && !value.isBlank() ? value.strip() : absent;
    }

    private static Overrides checked(Overrides overrides) {
        Overrides given = overrides == null ? Overrides.none() : overrides;
        return new Overrides(url("CTE_ODS_TOKEN_URL", given.tokenUrl()), url("CTE_ODS_DATA_URL", given.dataUrl()),
                blankIsNull(given.instance()), given.dataStandard());
    }

    private static String url(String variable, String value) {
        String url = blankIsNull(value);
        if (url == null) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new SettingException(variable + " is not a URL: " + url);
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                || uri.getHost() == null) {
            throw new SettingException(variable + " must be an http or https URL, not " + url);
        }
        return url;
    }

    private static String blankIsNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String withoutTrailingSlash(String url) {
        String trimmed = url.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
