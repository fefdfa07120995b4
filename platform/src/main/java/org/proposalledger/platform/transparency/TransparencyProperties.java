package org.proposalledger.platform.transparency;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code ledger.transparency.*}: the Merkle log over every stored event (docs/transparency-log.md).
 *
 * @param keeper             whether this process keeps the log and signs checkpoints (several may:
 *                           they take turns on the log's head row; give them one key)
 * @param origin             the log's name, the key name of a key this process creates
 * @param keyFile            the signer key (Go note format); default {@code <data-dir>/transparency/log.key},
 *                           created on first start, owner-only; in profile {@code prod} it must be set
 *                           (or a keystore), never defaulted
 * @param keystore           a PKCS#12 keystore holding the Ed25519 key instead of the key file
 * @param publicKey          the log's verifier key ({@code vkey}) for a process without the signer key
 *                           (a query side) to verify with
 * @param checkpointInterval a new checkpoint at most this often, and only when the log grew
 * @param pollInterval       how often the keeper looks for newly stored events
 * @param batchSize          events logged per transaction
 * @param gapTimeout         how long a skipped global index is watched for a transaction committing late
 */
@ConfigurationProperties("ledger.transparency")
public record TransparencyProperties(
        @DefaultValue("true") boolean keeper,
        @DefaultValue("proposal-ledger/log") String origin,
        Path keyFile,
        Keystore keystore,
        String publicKey,
        @DefaultValue("10s") Duration checkpointInterval,
        @DefaultValue("200ms") Duration pollInterval,
        @DefaultValue("1000") int batchSize,
        @DefaultValue("60s") Duration gapTimeout) {

    /** {@code ledger.transparency.keystore.*}: a PKCS#12 file, its password and the key's alias. */
    /**
     * A PKCS#12 keystore holding the log's Ed25519 signer key.
     *
     * @param path     the keystore file
     * @param password the keystore's password
     * @param alias    the key's alias in the keystore
     */
    public record Keystore(Path path, String password, @DefaultValue("transparency-log") String alias) {
    }

    public TransparencyProperties {
        if (batchSize < 1 || batchSize > 100_000) {
            throw new IllegalArgumentException("ledger.transparency.batch-size must be 1..100000, not " + batchSize);
        }
    }
}
