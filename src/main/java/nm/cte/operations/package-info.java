/**
 * What an operator of serve controls and watches: Run Now over JMX and the metrics, kept in Micrometer behind
 * {@code run}'s metrics port; it uses {@code run} and {@code ledger}.
 */
package nm.cte.operations;
