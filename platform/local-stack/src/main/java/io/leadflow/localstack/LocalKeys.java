package io.leadflow.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The local RSA key pair that signs and verifies JWTs of the local platform (never used in production).
 * Generated on first use: {@code publicKey.pem} (X.509 SubjectPublicKeyInfo) and {@code privateKey.pem}
 * (PKCS#8, mode 0600). JDK only.
 */
public final class LocalKeys {

    public static final String PUBLIC_KEY_FILE = "publicKey.pem";
    public static final String PRIVATE_KEY_FILE = "privateKey.pem";

    private final Path dir;
    private final RSAPublicKey publicKey;
    private final RSAPrivateKey privateKey;

    private LocalKeys(Path dir, RSAPublicKey publicKey, RSAPrivateKey privateKey) {
        this.dir = dir;
        this.publicKey = publicKey;
        this.privateKey = privateKey;
    }

    /** Loads the key pair in {@code dir}, generating it first if it is missing. */
    public static synchronized LocalKeys inDir(Path dir) {
        try {
            Path pub = dir.resolve(PUBLIC_KEY_FILE);
            Path priv = dir.resolve(PRIVATE_KEY_FILE);
            if (!Files.exists(pub)) {
                Files.createDirectories(dir);
                // A file lock: two JVMs (two test forks, the launcher) may ask for the keys at the same moment.
                try (FileChannel lockFile = FileChannel.open(dir.resolve(".lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     FileLock ignored = lockFile.lock()) {
                    if (!Files.exists(pub)) {
                        generate(dir);
                    }
                }
            }
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return new LocalKeys(dir,
                    (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(readPem(pub))),
                    (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(readPem(priv))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot load the local JWT keys in " + dir, e);
        }
    }

    private static void generate(Path dir) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        // Private key first, public key last, each by atomic rename: a present public key means a complete pair.
        Path tmpPriv = Files.createTempFile(dir, "private", ".tmp", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------")));
        Path tmpPub = Files.createTempFile(dir, "public", ".tmp");
        Files.writeString(tmpPriv, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(tmpPub, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        Files.setPosixFilePermissions(tmpPub, PosixFilePermissions.fromString("rw-r--r--"));
        Files.move(tmpPriv, dir.resolve(PRIVATE_KEY_FILE), StandardCopyOption.ATOMIC_MOVE);
        Files.move(tmpPub, dir.resolve(PUBLIC_KEY_FILE), StandardCopyOption.ATOMIC_MOVE);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] readPem(Path file) throws IOException {
        String body = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    /** The local AES-256 key (base64) that capture-service encrypts webhook secrets with at rest. */
    public static final String WEBHOOK_SECRET_KEY_FILE = "webhook-secret.key";

    /**
     * The local key that encrypts webhook signing secrets at rest (capture-service's
     * {@code leadflow.capture.webhooks.secret-key}), generated on first use (mode 0600) and kept with the JWT keys,
     * so a restarted local platform still reads the secrets it stored. Never used in production.
     */
    public static synchronized String webhookSecretKey(Path dir) {
        Path file = dir.resolve(WEBHOOK_SECRET_KEY_FILE);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dir);
                byte[] key = new byte[32];
                new java.security.SecureRandom().nextBytes(key);
                Path tmp = Files.createTempFile(dir, "webhook", ".tmp", PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
                Files.writeString(tmp, Base64.getEncoder().encodeToString(key) + "\n");
                try {
                    Files.createLink(file, tmp); // link(2) fails if another JVM made the key first: theirs stays
                } catch (java.nio.file.FileAlreadyExistsException lost) {
                    // read theirs below
                } finally {
                    Files.deleteIfExists(tmp);
                }
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    public Path publicKeyFile() {
        return dir.resolve(PUBLIC_KEY_FILE);
    }

    public RSAPublicKey publicKey() {
        return publicKey;
    }

    public RSAPrivateKey privateKey() {
        return privateKey;
    }
}
