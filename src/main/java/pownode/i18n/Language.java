package pownode.i18n;

import java.util.Locale;

/** A language of the terminal output. */
public enum Language {
    EN(Locale.ENGLISH),
    PT(Locale.forLanguageTag("pt-BR"));

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    /** Portuguese for any Portuguese locale, English otherwise. */
    public static Language fromLocale(Locale locale) {
        return "pt".equals(locale.getLanguage()) ? PT : EN;
    }

    /** Reads the value of {@code --lang}; returns null for anything but {@code pt} or {@code en}. */
    public static Language parseOrNull(String text) {
        String code = text.trim().toLowerCase(Locale.ROOT);
        if (code.startsWith("pt")) {
            return PT;
        }
        if (code.startsWith("en")) {
            return EN;
        }
        return null;
    }
}
