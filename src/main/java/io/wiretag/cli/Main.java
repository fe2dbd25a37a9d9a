package io.wiretag.cli;

/** Entry point of the one executable jar. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(0);
    }
}
