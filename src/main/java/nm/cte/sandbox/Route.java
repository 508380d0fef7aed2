package nm.cte.sandbox;

/** The kinds of request the sandbox tells apart, by method and path, under which its {@link Stats} count them. */
public enum Route {
    /** The discovery document (the "version endpoint"), at the layout's root. */
    DISCOVERY("GET", "/"),
    TOKEN("POST", "/oauth/token"),
    POST_ASSOCIATION("POST", "/data/v3/ed-fi/studentCTEProgramAssociations"),
    QUERY_ASSOCIATIONS("GET", "/data/v3/ed-fi/studentCTEProgramAssociations"),
    GET_ASSOCIATION("GET", "/data/v3/ed-fi/studentCTEProgramAssociations/{id}"),
    DELETE_ASSOCIATION("DELETE", "/data/v3/ed-fi/studentCTEProgramAssociations/{id}"),
    POST_STUDENT("POST", "/data/v3/ed-fi/students"),
    POST_PROGRAM("POST", "/data/v3/ed-fi/programs"),
    /** A known path with a method it does not take. */
    METHOD_NOT_ALLOWED(null, null),
    UNKNOWN_PATH(null, null);

    private static final String ID = "/{id}";

    private final String method;
    private final String template;

    Route(String method, String template) {
        this.method = method;
        this.template = template;
    }

    /** Paths match without regard to case, as ASP.NET routing does. */
    static Route of(String method, String path) {
        boolean pathKnown = false;
        for (Route route : values()) {
            if (route.template != null && route.matchesPath(path)) {
                if (route.method.equals(method)) {
                    return route;
                }
                pathKnown = true;
            }
        }
        return pathKnown ? METHOD_NOT_ALLOWED : UNKNOWN_PATH;
    }

    private boolean matchesPath(String path) {
        if (!template.endsWith(ID)) {
            return path.equalsIgnoreCase(template);
        }
        int prefix = template.length() - ID.length() + 1;
        return path.length() > prefix
                && path.regionMatches(true, 0, template, 0, prefix)
                && path.indexOf('/', prefix) < 0;
    }

    /** Whether it reaches data, which takes a bearer token. */
    boolean needsToken() {
        return template != null && template.startsWith("/data/");
    }

    /** "POST /data/v3/ed-fi/studentCTEProgramAssociations", or the constant's name for the two misses. */
    public String label() {
        return template == null ? name() : method + " " + template;
    }
}
