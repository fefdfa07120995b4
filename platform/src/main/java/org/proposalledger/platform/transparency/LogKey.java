package org.proposalledger.platform.transparency;

import org.proposalledger.api.transparency.NoteSigner;
import org.proposalledger.api.transparency.NoteVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;

/**
 * The log's signing key, kept outside the event store: whoever can rewrite the database must not
 * be able to sign a rewritten history. A PKCS#12 keystore, a configured key file, or (outside
 * profile {@code prod}) a key file under the data folder created on first start, readable by its
 * owner only.
 */
final class LogKey {

    private static final Logger log = LoggerFactory.getLogger(LogKey.class);

    private LogKey() {
    }

    static Path defaultFile(Path dataDir) {
        return dataDir.resolve("transparency").resolve("log.key");
    }

    /** The signer this process signs checkpoints with. */
    static NoteSigner signer(TransparencyProperties p, Path dataDir, boolean prod) {
        TransparencyProperties.Keystore ks = p.keystore();
        if (ks != null && ks.path() != null) {
            return fromKeystore(p.origin(), ks);
        }
        if (p.keyFile() == null && prod) {
            throw new IllegalStateException("Profile prod: configure the transparency log's signing key, "
                    + "ledger.transparency.key-file or ledger.transparency.keystore.path (a PKCS#12 keystore): "
                    + "it must not live beside the data it vouches for by default");
        }
        Path file = p.keyFile() != null ? p.keyFile() : defaultFile(dataDir);
        try {
            if (Files.exists(file)) {
                return NoteSigner.parse(Files.readString(file, StandardCharsets.UTF_8).strip());
            }
            NoteSigner created = NoteSigner.generate(p.origin());
            write(file, created.encoded() + "\n");
            log.info("Created the transparency log's signing key {} ({})", file, created.verifier().encoded());
            return created;
        } catch (FileAlreadyExistsException e) {
            return signer(p, dataDir, prod); // another process created it at the same moment
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or create the transparency log key " + file, e);
        }
    }

    /** The verifier key of a process that does not sign: configured, or the half of a key file it can read. */
    static NoteVerifier verifier(TransparencyProperties p, Path dataDir) {
        if (p.publicKey() != null && !p.publicKey().isBlank()) {
            return NoteVerifier.parse(p.publicKey().strip());
        }
        TransparencyProperties.Keystore ks = p.keystore();
        if (ks != null && ks.path() != null) {
            return fromKeystore(p.origin(), ks).verifier();
        }
        Path file = p.keyFile() != null ? p.keyFile() : defaultFile(dataDir);
        try {
            return Files.isReadable(file) ? NoteSigner.parse(Files.readString(file).strip()).verifier() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static void write(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file); // not a POSIX file system: the folder's own protection applies
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static NoteSigner fromKeystore(String origin, TransparencyProperties.Keystore ks) {
        char[] password = ks.password() == null ? new char[0] : ks.password().toCharArray();
        try (InputStream in = Files.newInputStream(ks.path())) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            if (!(store.getKey(ks.alias(), password) instanceof PrivateKey key)) {
                throw new IllegalStateException("The keystore " + ks.path() + " has no private key " + ks.alias());
            }
            Certificate cert = store.getCertificate(ks.alias());
            return NoteSigner.of(origin, new KeyPair(cert.getPublicKey(), key));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot read the Ed25519 key " + ks.alias() + " from " + ks.path()
                    + ": " + e.getMessage(), e);
        }
    }
}
