package app.chat.user;

import app.chat.platform.UtcInstantConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A sign-in session, found by the hash of its token (see {@link SessionToken}). */
@Entity
@Table(name = "chat_session")
public class ChatSession {

    @Id
    @Column(length = 64)
    private String hash;

    @Column(length = 32, nullable = false)
    private String username;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "last_used_at", nullable = false)
    private Instant lastUsedAt;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected ChatSession() {
    }

    ChatSession(String hash, String username, Instant createdAt, Instant expiresAt) {
        this.hash = hash;
        this.username = username;
        this.createdAt = createdAt;
        this.lastUsedAt = createdAt;
        this.expiresAt = expiresAt;
    }

    String hash() {
        return hash;
    }

    String username() {
        return username;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant lastUsedAt() {
        return lastUsedAt;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    void used(Instant at, Instant newExpiry) {
        this.lastUsedAt = at;
        this.expiresAt = newExpiry;
    }
}
