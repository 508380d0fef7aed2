package nm.cte.sandbox;

import java.util.List;

/**
 * Turns the path of a request to a sandbox of some {@link Layout} into the path a shared-instance ODS/API would have
 * (/oauth/token, /data/v3/..., / for the discovery document), so that one set of endpoints serves every layout.
 */
final class LayoutPaths {

    static final String DISCOVERY = "/";
    private static final String TOKEN = "/oauth/token";
    private static final String DATA = "/data/v3";

    private final String tokenPath;
    private final String dataPath;
    private final List<String> discoveryPaths;

    LayoutPaths(Layout layout, int schoolYear) {
        this.tokenPath = layout.tokenPath(schoolYear);
        this.dataPath = layout.dataPath(schoolYear);
        this.discoveryPaths = switch (layout) {
            case SHARED, YEAR, INSTANCE, DMS -> List.of(DISCOVERY);
            // 7.x answers at the bare root (placeholders), at the tenant (the year a placeholder) and at both
            case TENANT -> List.of(DISCOVERY, "/" + Layout.TENANT_ID, layout.basePath(schoolYear));
            case MEADOWLARK -> List.of(layout.basePath(schoolYear));
        };
    }

    /**
     * The shared-instance path this request path stands for, matched without regard to case as ASP.NET routing
     * does; null for a path this layout does not serve (another year, another tenant, a shared-instance path on a
     * server that has none).
     */
    String canonical(String path) {
        if (path.equalsIgnoreCase(tokenPath)) {
            return TOKEN;
        }
        if (path.length() > dataPath.length() && path.charAt(dataPath.length()) == '/'
                && path.regionMatches(true, 0, dataPath, 0, dataPath.length())) {
            return DATA + path.substring(dataPath.length());
        }
        String withoutSlash = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        for (String discovery : discoveryPaths) {
            if (withoutSlash.equalsIgnoreCase(discovery)) {
                return DISCOVERY;
            }
        }
        return null;
    }
}
