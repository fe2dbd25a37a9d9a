package io.wiretag.formats;

/**
 * The input cannot become a story. The message is the reason a person reads on the dead-letter topic,
 * so it says what is wrong and, where it can, where: "ninjs: invalid JSON at line 3, column 12: ...".
 */
public class ParseException extends Exception {
    private static final long serialVersionUID = 1L;

    public ParseException(String reason) {
        super(reason);
    }

    public ParseException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
