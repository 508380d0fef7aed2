package nm.cte.demo;

import java.util.List;

/**
 * One student the demo generator wrote: its STUDENT_NUMBER and, if it was made a CTE participant, the case each of its
 * enrollment periods was made as (the STUDENTS period first, then its REENROLLMENTS in order); none otherwise.
 */
public record GeneratedStudent(long studentNumber, List<Case> periods) {

    public GeneratedStudent {
        periods = List.copyOf(periods);
    }
}
