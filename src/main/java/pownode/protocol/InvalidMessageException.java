package pownode.protocol;

/** Thrown when a payload cannot become a {@link Message}; carries what was wrong for the warning. */
public final class InvalidMessageException extends Exception {

    /** The problem found in a payload. */
    public enum Problem {
        TOO_LARGE,
        NOT_JSON,
        NOT_OBJECT,
        MISSING_FIELD,
        INVALID_FIELD,
        OUT_OF_RANGE
    }

    private final Problem problem;
    private final String field;
    private final String value;

    public InvalidMessageException(Problem problem, String field, String value) {
        super(problem + (field.isEmpty() ? "" : " " + field) + (value.isEmpty() ? "" : " = " + value));
        this.problem = problem;
        this.field = field;
        this.value = value;
    }

    public Problem problem() {
        return problem;
    }

    /** Returns the protocol field involved, or an empty string. */
    public String field() {
        return field;
    }

    /** Returns the offending value or size as text, shortened, or an empty string. */
    public String value() {
        return value;
    }
}
