/**
 * The operator's settings of spec section 7, read and checked, and the two databases they name; it sits low, beside the
 * domain, so that any package may read a setting or fail naming one, and it uses nothing of the publisher but
 * {@code domain} and {@code edfi}.
 */
package nm.cte.settings;
