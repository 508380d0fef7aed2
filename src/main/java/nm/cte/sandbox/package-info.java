/**
 * A sandbox Ed-Fi ODS/API that answers as the real servers do, for the demo and the tests; it uses only {@code domain}
 * and {@code edfi}.
 */
package nm.cte.sandbox;
