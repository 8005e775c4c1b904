package dev.agentbroker.broker.audit;

import static dev.agentbroker.broker.JsonFactories.JSON;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

/**
 * A signed statement "the log's record {@code seq} has hash {@code hash}", one JSON line of
 * {@code checkpoints.jsonl}. A recomputed chain cannot match it without the checkpoint key,
 * and a checkpoint whose record is missing proves the log was truncated. {@code maxGap} is
 * the most records the writer lets pass before the next checkpoint, so verify can tell a
 * deleted checkpoint from a quiet period. Immutable.
 *
 * @param seq       the record it vouches for
 * @param hash      that record's hash
 * @param time      when it was signed (ISO-8601)
 * @param maxGap    the most records that may follow before the next checkpoint
 * @param keyId     the id of the signing key (see {@link CheckpointKeys#keyId})
 * @param signature base64 Ed25519 signature over {@link #signedText()}
 */
record Checkpoint(long seq, String hash, String time, long maxGap, String keyId, String signature) {

    /** Exactly what is signed; the field order and labels are part of the format. */
    String signedText() {
        return "agent-broker audit checkpoint v1\nseq=" + seq + "\nhash=" + hash + "\ntime=" + time
                + "\nmax_gap=" + maxGap + "\nkey=" + keyId + "\n";
    }

    byte[] signedBytes() {
        return signedText().getBytes(StandardCharsets.UTF_8);
    }

    String toLine() {
        return JSON.createObjectBuilder().add("seq", seq).add("hash", hash).add("time", time).add("max_gap", maxGap)
                .add("key", keyId).add("sig", signature).build().toString() + "\n";
    }

    /** Parses one line; throws {@link IllegalArgumentException} when it is not a checkpoint. */
    static Checkpoint parse(String line) {
        try (JsonReader reader = JSON.createReader(new StringReader(line))) {
            JsonObject o = reader.readObject();
            return new Checkpoint(o.getJsonNumber("seq").longValue(), o.getString("hash"), o.getString("time"),
                    o.getJsonNumber("max_gap").longValue(), o.getString("key"), o.getString("sig"));
        } catch (JsonException | IllegalStateException | NullPointerException | ClassCastException e) {
            throw new IllegalArgumentException("not a checkpoint");
        }
    }
}
