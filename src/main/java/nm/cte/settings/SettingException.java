package nm.cte.settings;

/** A setting that is missing or wrong; its message is the one line the operator sees, naming the variable. */
public final class SettingException extends RuntimeException {

    public SettingException(String message) {
        super(message);
    }
}
