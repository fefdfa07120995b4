package org.proposalledger.query.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** A fresh data folder per test class under target/, so {@code mvn clean} removes it. */
public final class TestDataDir {

    private TestDataDir() {
    }

    public static Path create(Class<?> owner) {
        Path dir = Path.of("target", "test-data", owner.getSimpleName() + "-" + UUID.randomUUID()).toAbsolutePath();
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
