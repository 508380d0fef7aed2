/**
 * The rules of the contract (D1-D17, E1-E10) over plain values: a candidate enrollment period, its eligibility and its
 * outcome; it uses no other package.
 */
package nm.cte.domain;
