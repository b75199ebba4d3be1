package dev.selfservice.browser;

/** How an employee walks a flow: the window size, whether JavaScript runs, and whether only the keyboard is used. */
public enum Walk {
    DESKTOP(1280, 900, true, false),
    PHONE(390, 844, true, false),
    KEYBOARD_ONLY(1280, 900, true, true),
    NO_JAVASCRIPT(390, 844, false, false);

    private final int width;
    private final int height;
    private final boolean javaScript;
    private final boolean keyboardOnly;

    Walk(int width, int height, boolean javaScript, boolean keyboardOnly) {
        this.width = width;
        this.height = height;
        this.javaScript = javaScript;
        this.keyboardOnly = keyboardOnly;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    boolean javaScript() {
        return javaScript;
    }

    boolean keyboardOnly() {
        return keyboardOnly;
    }
}
