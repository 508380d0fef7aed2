package nm.cte.domain;

/** A value read from PowerSchool that is either usable or says why it is not. */
public record Checked<T>(T value, String problem) {

    public static <T> Checked<T> valid(T value) {
        return new Checked<>(value, null);
    }

    public static <T> Checked<T> invalid(String problem) {
        return new Checked<>(null, problem);
    }

    public boolean isValid() {
        return problem == null;
    }
}
