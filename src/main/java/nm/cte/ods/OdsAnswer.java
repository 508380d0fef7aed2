package nm.cte.ods;

import nm.cte.domain.Outcome;

/** What the ODS/API made of one record that it answered (D11): the record's outcome and, once stored, its resource id. */
public record OdsAnswer(Outcome outcome, String resourceId) {
}
