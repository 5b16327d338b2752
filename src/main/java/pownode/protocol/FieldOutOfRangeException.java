package pownode.protocol;

/** Thrown when a message record is built with a field outside the protocol's range. */
public final class FieldOutOfRangeException extends IllegalArgumentException {
    private final String field;
    private final long value;

    FieldOutOfRangeException(String field, long value, long min, long max) {
        super(field + " " + value + " is out of range " + min + ".." + max);
        this.field = field;
        this.value = value;
    }

    public String field() {
        return field;
    }

    public long value() {
        return value;
    }
}
