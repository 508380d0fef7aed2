/**
 * Talking to the state's Ed-Fi ODS/API: discovery, tokens, trust and what its answers mean; it uses {@code domain},
 * {@code edfi} and {@code settings}.
 */
package nm.cte.ods;
