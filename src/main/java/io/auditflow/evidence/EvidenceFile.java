package io.auditflow.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A stored evidence file ready to be sent: its record and where its bytes are. */
public record EvidenceFile(Evidence evidence, Path path) {

    public InputStream open() throws IOException {
        return Files.newInputStream(path);
    }
}
