package pl.konwent.adapters.web.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import pl.konwent.adapters.security.KeyWrap;
import pl.konwent.adapters.security.ServerSecret;
import pl.konwent.adapters.web.http.IdempotencyStore.StoredResponse;

/**
 * What an idempotency record keeps, protected by keys derived from the server secret. Threat met: whoever reads the
 * database (a dump, a backup, the binary or general log) without the server secret learns nothing of the requests or
 * their answers: a fingerprint cannot be confirmed by hashing guessed bodies (a ballot has three), a key made of
 * personal data or a choice cannot be read back, and no answer (personal data, a webhook secret, a ballot) can be
 * read. Record ids, fingerprints and subject tags are HMAC-SHA256 under one derived key, each with its own label;
 * answers are sealed ({@link KeyWrap}: AES-256-GCM) under another, bound to their record's id so that no answer can be
 * moved to another record.
 */
public final class IdempotencySecrets {
    /** A subject tag's length in bytes: enough that tags of distinct ids do not collide by chance. */
    private static final int SUBJECT_BYTES = 12;

    private final byte[] macKey;
    private final KeyWrap answers;

    public IdempotencySecrets(byte[] macKey, byte[] sealKey) {
        this.macKey = macKey.clone();
        this.answers = new KeyWrap(sealKey, new SecureRandom());
    }

    public static IdempotencySecrets from(ServerSecret secret) {
        return new IdempotencySecrets(secret.derive("idempotency", 32), secret.derive("idempotency-answers", 32));
    }

    /**
     * A record's id: the caller's scope and the key, keyed; for anonymous callers also the request's fingerprint
     * ({@code fingerprint} not null), so that a key claimed first with another body is another record.
     */
    public String recordId(String scope, String key, String fingerprint) {
        String material = scope + "\0" + key + (fingerprint == null ? "" : "\0" + fingerprint);
        return base64(mac("record", material.getBytes(StandardCharsets.UTF_8)));
    }

    /** Which request a key was first used for: method, path, query and raw body, keyed. */
    public String fingerprint(String method, String rawPath, String rawQuery, byte[] body) {
        byte[] target = (method + " " + rawPath + "?" + rawQuery + "\n").getBytes(StandardCharsets.UTF_8);
        return base64(mac("request", ByteBuffer.allocate(target.length + body.length).put(target).put(body).array()));
    }

    /** A tag naming a resource id a record is about, so that erasure finds the records about a member (hex). */
    public String subject(String resourceId) {
        byte[] tag = mac("subject", resourceId.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(tag, 0, SUBJECT_BYTES);
    }

    public byte[] seal(StoredResponse response, String recordId) {
        return answers.wrap(serialize(response), recordId.getBytes(StandardCharsets.US_ASCII));
    }

    /** The answer sealed for this record; a tampered or misplaced one fails (GCM's tag). */
    public StoredResponse open(byte[] sealed, String recordId) {
        return deserialize(answers.unwrap(sealed, recordId.getBytes(StandardCharsets.US_ASCII)));
    }

    private byte[] mac(String label, byte[] data) {
        byte[] prefix = (label + "\0").getBytes(StandardCharsets.US_ASCII);
        return Hashes.hmacSha256(macKey, ByteBuffer.allocate(prefix.length + data.length).put(prefix).put(data)
                .array());
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] serialize(StoredResponse response) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(response.status());
            writeOptional(out, response.contentType());
            writeOptional(out, response.location());
            out.writeInt(response.body() == null ? -1 : response.body().length);
            if (response.body() != null) {
                out.write(response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static StoredResponse deserialize(byte[] plain) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain))) {
            int status = in.readInt();
            String type = readOptional(in);
            String location = readOptional(in);
            int length = in.readInt();
            byte[] body = length < 0 ? null : in.readNBytes(length);
            return new StoredResponse(status, type, location, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeOptional(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String readOptional(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
