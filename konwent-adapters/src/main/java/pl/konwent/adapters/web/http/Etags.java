package pl.konwent.adapters.web.http;

import jakarta.ws.rs.core.EntityTag;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

/**
 * Entity tags of versioned resources: a strong tag made of the resource's version, so that If-Match on an
 * update can be checked against the version the database holds. Reads of anything else get a tag of their
 * body from {@link ConditionalGetFilter}.
 */
public final class Etags {
    private static final long NO_VERSION_MATCHES = -1;

    private Etags() {
    }

    public static EntityTag ofVersion(long version) {
        return new EntityTag("v" + version);
    }

    /**
     * The tag of a resource read in its public view, which shows less than the full one of the same version: a
     * tag of its own (issue 19), so a cache or a client never takes one view for the other, and If-Match with it
     * fails (412) since an update needs the full view's version.
     */
    public static EntityTag ofPublicView(long version) {
        return new EntityTag("v" + version + "-public");
    }

    /**
     * The tag of a read whose answer is fixed by a version stamp and the parts named (issue 20): a hash of them all,
     * so that a conditional GET is answered without reading what the answer is made of.
     */
    public static EntityTag ofStamp(String... parts) {
        return new EntityTag(Hashes.sha256Base64Url(String.join("\n", parts).getBytes(StandardCharsets.UTF_8))
                .substring(0, 27));
    }

    /**
     * The version an If-Match header asks for: empty when there is no header or it is {@code *}; a version
     * no resource has when the tag is not one of ours, so the update fails with 412 as RFC 9110 says.
     */
    public static OptionalLong expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return OptionalLong.empty();
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("\"v") && tag.endsWith("\"") && tag.length() > 3) {
            try {
                return OptionalLong.of(Long.parseLong(tag.substring(2, tag.length() - 1)));
            } catch (NumberFormatException e) {
                return OptionalLong.of(NO_VERSION_MATCHES);
            }
        }
        return OptionalLong.of(NO_VERSION_MATCHES);
    }
}
