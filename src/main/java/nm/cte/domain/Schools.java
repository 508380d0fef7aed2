package nm.cte.domain;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The district's schools by SCHOOL_NUMBER, which is what every PowerSchool SchoolID column holds. */
public final class Schools {

    private final Map<Integer, School> byNumber;

    public Schools(Collection<School> schools) {
        this.byNumber = schools.stream().collect(Collectors.toUnmodifiableMap(School::schoolNumber, Function.identity()));
    }

    public Optional<School> byNumber(Integer schoolNumber) {
        return schoolNumber == null ? Optional.empty() : Optional.ofNullable(byNumber.get(schoolNumber));
    }
}
