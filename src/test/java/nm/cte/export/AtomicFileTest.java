package nm.cte.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An export replaces the previous file whole, or not at all. */
class AtomicFileTest {

    @TempDir
    Path directory;

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        }
    }

    @Test
    void writeReplacesAnExistingFileWhole() throws IOException {
        Path out = Files.writeString(directory.resolve("results.csv"), "an older and longer export");

        AtomicFile.write(out, stream -> stream.write("new".getBytes(StandardCharsets.UTF_8)));

        assertEquals("new", Files.readString(out));
        assertEquals(List.of(out), files());
    }

    @Test
    void failedWriteLeavesThePreviousFileAndNoTemporaryOne() throws IOException {
        Path out = Files.writeString(directory.resolve("results.csv"), "previous export");

        assertThrows(IllegalStateException.class, () -> AtomicFile.write(out, stream -> {
            stream.write("half an exp".getBytes(StandardCharsets.UTF_8));
            throw new IllegalStateException("the source database went away");
        }));

        assertEquals("previous export", Files.readString(out));
        assertEquals(List.of(out), files());
    }
}
