/**
 * serve's publishing page: the operator's view of runs and records, and Run Now; it uses {@code operations},
 * {@code run}, {@code report}, {@code export}, {@code ledger}, {@code settings} and {@code domain}.
 */
package nm.cte.web;
