package dev.agentbroker.broker.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the {@code *.cedar} files of a policy directory (not its sub-directories: the
 * ALLOW/DENY cases and {@code catalog.json} live there) or of a built-in set packaged under
 * {@code cedar/} by the cedar-policies module, and the built-in schema. Stateless.
 */
public final class PolicyFiles {
    /** The prefix that names a built-in set in configuration and on the command line. */
    public static final String BUILTIN = "builtin:";
    static final String SCHEMA_RESOURCE = "cedar/agent-broker.cedarschema";
    static final long MAX_FILE_BYTES = 1 << 20;

    /** One policy file's name and text. */
    record PolicyFile(String name, String text) {
    }

    private PolicyFiles() {
    }

    /** Reads {@code location}: a directory, or {@code builtin:NAME} for a packaged set. */
    static List<PolicyFile> read(String location) {
        if (location.startsWith(BUILTIN)) {
            return withBuiltinDirectory(location.substring(BUILTIN.length()), PolicyFiles::readDirectory);
        }
        return readDirectory(Path.of(location));
    }

    static List<PolicyFile> readDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new PolicyLoadException(List.of(new PolicyProblem(dir.toString(), 0, "not a directory")));
        }
        List<PolicyFile> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.filter(p -> p.getFileName().toString().endsWith(".cedar")).sorted().toList()) {
                if (Files.size(p) > MAX_FILE_BYTES) {
                    throw new PolicyLoadException(List.of(new PolicyProblem(p.getFileName().toString(), 0,
                            "file larger than " + MAX_FILE_BYTES + " bytes")));
                }
                files.add(new PolicyFile(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new PolicyLoadException(List.of(new PolicyProblem(dir.toString(), 0, "cannot read: " + e.getMessage())));
        }
        return files;
    }

    /** Runs {@code action} on built-in set {@code location} ({@code builtin:NAME}). */
    public static <T> T withBuiltin(String location, java.util.function.Function<Path, T> action) {
        return withBuiltinDirectory(location.substring(BUILTIN.length()), action);
    }

    /** Runs {@code action} on the packaged directory {@code cedar/NAME}, inside the jar or on disk. */
    static <T> T withBuiltinDirectory(String name, java.util.function.Function<Path, T> action) {
        URL url = PolicyFiles.class.getClassLoader().getResource("cedar/" + name + "/");
        if (url == null || name.contains("..") || name.contains("/")) {
            throw new PolicyLoadException(List.of(new PolicyProblem(BUILTIN + name, 0, "no such built-in policy set")));
        }
        try {
            URI uri = url.toURI();
            if (!uri.getScheme().equals("jar")) {
                return action.apply(Path.of(uri));
            }
            try (FileSystem zip = jarFileSystem(uri)) {
                return action.apply(zip.provider().getPath(uri));
            }
        } catch (URISyntaxException | IOException e) {
            throw new UncheckedIOException(new IOException("cannot open built-in policy set " + name, e));
        }
    }

    private static FileSystem jarFileSystem(URI uri) throws IOException {
        try {
            FileSystems.getFileSystem(uri);
            throw new IOException("jar file system already open: " + uri);
        } catch (FileSystemNotFoundException e) {
            return FileSystems.newFileSystem(uri, Map.of());
        }
    }

    /** The text of the built-in schema every policy set is validated against. */
    static String schemaText() {
        try (InputStream in = PolicyFiles.class.getClassLoader().getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the Cedar schema " + SCHEMA_RESOURCE + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code sha256:} and the first 16 hex digits of the digest of every file's name and text. */
    static String version(List<PolicyFile> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (PolicyFile f : files) {
                sha.update(f.name().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(f.text().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return "sha256:" + HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
