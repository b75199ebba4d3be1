package dev.selfservice.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** The machine's commands, for suites that use one when it is installed (node, kubectl, wrk, taskset). */
public final class Commands {

    private Commands() {
    }

    public static boolean onPath(String command) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}
