package io.wiretag.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code parse} and {@code tag} refuse a file over {@code wiretag.max.input.bytes} as configured, in one line, without reading it. */
class InputLimitCommandTest {
    @TempDir
    Path dir;

    Path story() throws Exception {
        StringBuilder body = new StringBuilder("Talks resume in Riyadh\n\n");
        while (body.length() < 2_000) {
            body.append("Russian and American negotiators met again in Riyadh on Tuesday to discuss a ceasefire in Ukraine. ");
        }
        Path f = dir.resolve("story.txt");
        Files.writeString(f, body, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void parseRefusesAFileOverTheConfiguredLimitAndReadsItUnderTheDefault() throws Exception {
        Path f = story();
        CommandLineTest.Run refused = CommandLineTest.run("parse", "-D", "wiretag.max.input.bytes=1000", f.toString());
        assertEquals(1, refused.exit());
        assertEquals("", refused.out());
        long size = Files.size(f);
        assertEquals(f + ": input is " + size + " bytes, over the limit of 1000 bytes (wiretag.max.input.bytes)", refused.err().strip());
        CommandLineTest.Run read = CommandLineTest.run("parse", f.toString());
        assertEquals(0, read.exit(), read.err());
        assertTrue(read.out().contains("Talks resume in Riyadh"), read.out());
    }

    @Test
    void tagRefusesAFileOverTheConfiguredLimit() throws Exception {
        Path f = story();
        CommandLineTest.Run refused = CommandLineTest.run("tag", "-D", "wiretag.max.input.bytes=1000", f.toString());
        assertEquals(1, refused.exit(), refused.out());
        assertTrue(refused.err().contains("over the limit of 1000 bytes (wiretag.max.input.bytes)"), refused.err());
        CommandLineTest.Run read = CommandLineTest.run("tag", f.toString());
        assertEquals(0, read.exit(), read.err());
        assertTrue(read.out().contains("ukraine-war"), read.out());
    }
}
