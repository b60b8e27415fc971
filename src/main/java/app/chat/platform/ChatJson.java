package app.chat.platform;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * One JSON-B configuration for everything the chat writes, over STOMP and HTTP alike: absent
 * values are written as null (a message without clientMsgId says so), instants as ISO-8601 UTC.
 */
@Provider
@ApplicationScoped
public class ChatJson implements ContextResolver<Jsonb> {

    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

    public String write(Object value) {
        return jsonb.toJson(value);
    }

    @Override
    public Jsonb getContext(Class<?> type) {
        return jsonb;
    }

    @PreDestroy
    void close() {
        try {
            jsonb.close();
        } catch (Exception e) {
            // nothing is left to release
        }
    }
}
