package pownode.i18n;

import java.text.Format;
import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Localized text from a resource bundle under {@code i18n/} on the class path. Keys are
 * shared by the English and the Portuguese files; patterns use {@link MessageFormat}.
 */
public final class Messages {
    /** The bundle of the node and the broker. */
    public static final String MAIN_BUNDLE = "i18n/messages";

    private final ResourceBundle bundle;
    private final Language language;

    private Messages(ResourceBundle bundle, Language language) {
        this.bundle = bundle;
        this.language = language;
    }

    public static Messages of(Language language) {
        return of(MAIN_BUNDLE, language);
    }

    public static Messages of(String bundleBaseName, Language language) {
        ResourceBundle.Control noFallback =
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        ResourceBundle bundle = ResourceBundle.getBundle(bundleBaseName, language.locale(), noFallback);
        return new Messages(bundle, language);
    }

    public Language language() {
        return language;
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    /** Formats the pattern under {@code key} with {@code args}; a missing key is a bug and throws. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("message key '" + key + "' is missing for " + language, e);
        }
        if (args.length == 0) {
            return pattern;
        }
        MessageFormat format = new MessageFormat(pattern, language.locale());
        return format.format(plainIntegers(args, format.getFormatsByArgumentIndex()));
    }

    /**
     * Shows whole numbers in a plain {@code {n}} as plain digits: ClientID 4711 must not print
     * as "4,711" or "4.711". An argument with its own format, such as a plural choice, stays a number.
     */
    private static Object[] plainIntegers(Object[] args, Format[] formats) {
        Object[] shown = args.clone();
        for (int i = 0; i < shown.length; i++) {
            boolean plain = i >= formats.length || formats[i] == null;
            if (plain && (shown[i] instanceof Integer || shown[i] instanceof Long)) {
                shown[i] = shown[i].toString();
            }
        }
        return shown;
    }
}
