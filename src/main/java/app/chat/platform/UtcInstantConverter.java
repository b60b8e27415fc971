package app.chat.platform;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Stores an {@link Instant} as a {@code TIMESTAMP WITH TIME ZONE} at UTC. EclipseLink 4.0 (JPA 3.1)
 * has no mapping for Instant and would serialize the object; OffsetDateTime it binds and reads as a
 * real timestamp on H2 and PostgreSQL, whatever the JVM's time zone.
 */
@Converter
public class UtcInstantConverter implements AttributeConverter<Instant, OffsetDateTime> {

    @Override
    public OffsetDateTime convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    @Override
    public Instant convertToEntityAttribute(OffsetDateTime timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
