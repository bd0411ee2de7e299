package pl.konwent.adapters.web.http;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Providers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Writes a response's entity to bytes with the writer Jersey would use, for filters that must see the body
 * (entity tags, stored idempotent answers). The filter then hands the bytes on, so nothing is written twice.
 */
final class ResponseBodies {
    private ResponseBodies() {
    }

    /** The body as bytes, or null when the response has none. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static byte[] serialize(Providers providers, ContainerResponseContext response) throws IOException {
        if (!response.hasEntity()) {
            return null;
        }
        Object entity = response.getEntity();
        if (entity instanceof byte[] bytes) {
            return bytes;
        }
        MessageBodyWriter writer = providers.getMessageBodyWriter(entity.getClass(), response.getEntityType(),
                response.getEntityAnnotations(), response.getMediaType());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.writeTo(entity, entity.getClass(), response.getEntityType(), response.getEntityAnnotations(),
                response.getMediaType(), response.getHeaders(), out);
        byte[] body = out.toByteArray();
        response.setEntity(body, response.getEntityAnnotations(), response.getMediaType());
        return body;
    }
}
