package dev.agentbroker.mcp.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;


/**
 * A file system confined to a sandbox root. Tool arguments address it as {@code /sandbox/...}
 * (the name the quickstart policies test); a path that leaves the root (via {@code ..} or a
 * symbolic link) is refused. Tools: {@code read_file}, {@code list_directory} (read-only),
 * {@code write_file} (not destructive: it only creates or replaces a file's text) and
 * {@code delete_file} (destructive). Thread-safe.
 */
public final class FileSystemServer extends SandboxServer {
    private static final String PREFIX = "/sandbox";
    private static final long MAX_READ = 1024 * 1024;

    /** Serves {@code root} (created if missing) as {@code /sandbox}. */
    public FileSystemServer(Path root) {
        super("fs", tools(created(root.toAbsolutePath().normalize())));
    }

    private static Path created(Path root) {
        try {
            return Files.createDirectories(root);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot create the sandbox root " + root, e);
        }
    }

    private static List<Tool> tools(Path root) {
        return List.of(
                new Tool("read_file", "Read a UTF-8 text file under /sandbox.", stringSchema("path"),
                        annotations(true, false, true, false), a -> read(resolve(root, a.getString("path")))),
                new Tool("write_file", "Create or overwrite a UTF-8 text file under /sandbox.", stringSchema("path", "content"),
                        annotations(false, false, true, false), a -> write(resolve(root, a.getString("path")), a.getString("content"))),
                new Tool("list_directory", "List a directory under /sandbox.", stringSchema("path"),
                        annotations(true, false, true, false), a -> list(resolve(root, a.getString("path")))),
                new Tool("delete_file", "Delete a file under /sandbox.", stringSchema("path"),
                        annotations(false, true, true, false), a -> delete(resolve(root, a.getString("path")))));
    }

    static Path resolve(Path root, String path) {
        if (!(path.equals(PREFIX) || path.startsWith(PREFIX + "/"))) {
            throw new ToolFailure("paths must start with /sandbox/");
        }
        Path target = root.resolve(path.substring(PREFIX.length()).replaceFirst("^/+", "")).normalize();
        if (!target.startsWith(root)) {
            throw new ToolFailure("path leaves the sandbox: " + path);
        }
        try {
            Path existing = target;
            while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
                existing = existing.getParent();
            }
            if (existing != null && !existing.toRealPath().startsWith(root.toRealPath())) {
                throw new ToolFailure("path leaves the sandbox: " + path);
            }
        } catch (IOException e) {
            throw new ToolFailure("cannot resolve " + path);
        }
        return target;
    }

    private static String read(Path file) {
        try {
            if (Files.size(file) > MAX_READ) {
                throw new ToolFailure("file is larger than 1 MiB");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ToolFailure("cannot read file: " + e.getClass().getSimpleName());
        }
    }

    private static String write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return "wrote " + content.length() + " characters";
        } catch (IOException e) {
            throw new ToolFailure("cannot write file: " + e.getClass().getSimpleName());
        }
    }

    private static String list(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> (Files.isDirectory(p) ? "[dir] " : "[file] ") + p.getFileName())
                    .sorted().collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new ToolFailure("cannot list directory: " + e.getClass().getSimpleName());
        }
    }

    private static String delete(Path file) {
        try {
            if (Files.isDirectory(file)) {
                throw new ToolFailure("delete_file does not delete directories");
            }
            return Files.deleteIfExists(file) ? "deleted" : "no such file";
        } catch (IOException e) {
            throw new ToolFailure("cannot delete file: " + e.getClass().getSimpleName());
        }
    }

}
