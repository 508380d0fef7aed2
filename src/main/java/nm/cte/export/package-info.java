/**
 * A run's results as the export command writes them (D15), .xlsx or .csv, read from the ledger; apart from the
 * pipeline, it uses only {@code ledger}.
 */
package nm.cte.export;
