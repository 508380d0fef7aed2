/**
 * Reading PowerSchool: the rows of the source query, mapped to the domain's values; it uses only {@code domain}.
 */
package nm.cte.source;
