package nm.cte.sandbox;

/** A request turned away before it reaches its resource (bad body, bad paging), carrying the answer that says why. */
final class Refusal extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Answer answer;

    Refusal(Answer answer) {
        super(null, null, false, false);
        this.answer = answer;
    }

    Answer answer() {
        return answer;
    }
}
