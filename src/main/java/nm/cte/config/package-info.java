/**
 * The wiring of the publisher: the Camel Main and the beans its routes call, built from the settings; it is at the top,
 * so that it may use every package and only {@code cli} uses it, while the settings it reads sit low in
 * {@code settings} for every package to use.
 */
package nm.cte.config;
