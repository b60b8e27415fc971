package app.chat.platform;

import jakarta.security.enterprise.credential.UsernamePasswordCredential;

/**
 * An HTTP Basic username and password with the address they came from ({@link ClientAddress}), so
 * the identity store can throttle password guessing per client address as the broker does for STOMP.
 */
public class ClientCredential extends UsernamePasswordCredential {

    private final String clientAddress;

    public ClientCredential(UsernamePasswordCredential credential, String clientAddress) {
        super(credential.getCaller(), credential.getPassword());
        this.clientAddress = clientAddress;
    }

    /** The client's address, or null when unknown. */
    public String clientAddress() {
        return clientAddress;
    }
}
