/**
 * The Ed-Fi side of a record: the JSON of a Student CTE Program Association and the schema of each Data Standard; it
 * uses only {@code domain}.
 */
package nm.cte.edfi;
