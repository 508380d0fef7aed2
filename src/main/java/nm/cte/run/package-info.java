/**
 * One run of the pipeline the routes carry out: select, judge, build, merge, deliver and record; it owns the ports it
 * reports through (record printers, metrics) and uses {@code domain}, {@code edfi}, {@code source}, {@code ods},
 * {@code ledger} and {@code settings}.
 */
package nm.cte.run;
