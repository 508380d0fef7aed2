package nm.cte.ods;

/** The ODS/API as the process reaches it: where its endpoints are, and the token all requests share (D11). */
public record OdsConnection(OdsEndpoints endpoints, AccessTokens tokens) {
}
