/**
 * The commands of spec section 7 (run, serve, explain, export, demo, sandbox) and the exit codes they end with; it sits
 * at the top, beside the wiring in {@code config}, and uses every other package.
 */
package nm.cte.cli;
