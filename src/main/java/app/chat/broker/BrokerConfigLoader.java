package app.chat.broker;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.deployers.impl.FileConfigurationParser;
import org.apache.activemq.artemis.core.remoting.impl.netty.TransportConstants;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads artemis-config/broker.xml, resolving each {@code ${name:default}} from the chat's
 * configuration first (so an environment variable such as CHAT_STOMP_PORT works, not only
 * system properties as in a stand-alone Artemis).
 */
final class BrokerConfigLoader {

    static final String BUNDLED = "artemis-config/broker.xml";
    /** The browsers' acceptor in broker.xml: the one that speaks TLS when a keystore is set. */
    static final String STOMP_ACCEPTOR = "stomp-ws";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");

    private BrokerConfigLoader() {
    }

    /** @param file the broker.xml to read, or null for the copy bundled in the WAR */
    static Configuration load(Path file, Function<String, String> settings) throws Exception {
        String xml;
        if (file != null) {
            xml = Files.readString(file, StandardCharsets.UTF_8);
        } else {
            try (InputStream in = BrokerConfigLoader.class.getClassLoader().getResourceAsStream(BUNDLED)) {
                if (in == null) {
                    throw new IOException(BUNDLED + " is missing from the application");
                }
                xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return parse(resolve(xml, settings));
    }

    /**
     * Turns on TLS (wss://) on the STOMP acceptor with a PKCS12 keystore. Done here rather than in
     * broker.xml so that the file stays readable and an unset keystore changes nothing. The keystore is
     * opened once now: a wrong path or password fails the start with a clear message, not the first
     * browser's handshake.
     */
    static void enableTls(Configuration configuration, Path keystore, String password) {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore.getInstance("PKCS12").load(in, password == null ? null : password.toCharArray());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("chat.tls.keystore " + keystore + " cannot be read as PKCS12 with"
                    + " chat.tls.keystore-password: " + e.getMessage(), e);
        }
        TransportConfiguration stomp = configuration.getAcceptorConfigurations().stream()
                .filter(a -> STOMP_ACCEPTOR.equals(a.getName())).findFirst()
                .orElseThrow(() -> new IllegalStateException("chat.tls.keystore is set but broker.xml has no acceptor '"
                        + STOMP_ACCEPTOR + "' to use it"));
        Map<String, Object> params = stomp.getParams();
        params.put(TransportConstants.SSL_ENABLED_PROP_NAME, "true");
        params.put(TransportConstants.KEYSTORE_PATH_PROP_NAME, keystore.toAbsolutePath().toString());
        params.put(TransportConstants.KEYSTORE_TYPE_PROP_NAME, "PKCS12");
        if (password != null) {
            params.put(TransportConstants.KEYSTORE_PASSWORD_PROP_NAME, password);
        }
    }

    static String resolve(String xml, Function<String, String> settings) {
        Matcher m = PLACEHOLDER.matcher(xml);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = settings.apply(m.group(1));
            if (value == null) {
                value = m.group(2);
            }
            if (value == null) {
                throw new IllegalArgumentException("broker.xml needs a value for ${" + m.group(1) + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Configuration parse(String xml) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        var document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        NodeList cores = document.getElementsByTagNameNS("urn:activemq:core", "core");
        if (cores.getLength() != 1) {
            throw new IllegalArgumentException("broker.xml must have exactly one <core xmlns=\"urn:activemq:core\">");
        }
        Configuration configuration = new ConfigurationImpl();
        new FileConfigurationParser().parseMainConfig((Element) cores.item(0), configuration);
        return configuration;
    }
}
