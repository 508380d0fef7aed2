/**
 * The publisher's own ledger (D12-D15): what the ODS holds, each run, its lease and the result rows of the last runs;
 * it uses only {@code domain}.
 */
package nm.cte.ledger;
