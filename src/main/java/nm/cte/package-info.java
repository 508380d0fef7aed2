/**
 * The command line of nm-cte-publisher: the main class alone, which nothing in the jar depends on.
 */
package nm.cte;
