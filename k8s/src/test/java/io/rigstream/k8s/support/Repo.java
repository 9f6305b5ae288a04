package io.rigstream.k8s.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository's deployment files are, as Maven passes it to the tests. */
public final class Repo {

    private Repo() {
    }

    public static Path root() {
        String dir = System.getProperty("rigstream.repo.dir");
        Path root = dir == null ? Path.of("..") : Path.of(dir);
        root = root.toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("k8s/pom.xml"))) {
            throw new IllegalStateException("Not the repository root: " + root);
        }
        return root;
    }

    public static Path k8s() {
        return root().resolve("k8s");
    }

    public static Path path(String relative) {
        return root().resolve(relative);
    }
}
