/**
 * What a run tells the operator on the console: the run's summary and explain's account of one student, apart from the
 * pipeline, which prints through {@code run}'s record printer.
 */
package nm.cte.report;
