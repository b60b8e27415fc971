package app.chat.platform;

import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The database settings, read from MicroProfile Config; the defaults are in
 * microprofile-config.properties only. Not a CDI bean like the other settings: the container
 * creates {@link ConfiguredDataSource} from web.xml, and EclipseLink opens it while deploying,
 * outside CDI's reach, so this is read from the application's Config directly.
 *
 * @param vendorClass the DataSource class, if set (else derived from the URL)
 * @param h2HousekeepingIntervalMs H2 files: how often {@link H2Housekeeping} runs (0: never)
 * @param h2HousekeepingRewriteKib H2 files: the most live pages it moves out of dead chunks a round
 */
public record DatabaseSettings(String url, String user, String password, Optional<String> vendorClass, int socketTimeoutSeconds,
                               long h2HousekeepingIntervalMs, int h2HousekeepingRewriteKib) {

    /** The settings of this application (its class loader's Config). */
    static DatabaseSettings read() {
        return from(ConfigProvider.getConfig(DatabaseSettings.class.getClassLoader()));
    }

    static DatabaseSettings from(Config config) {
        return new DatabaseSettings(
                config.getValue("chat.db.url", String.class),
                // set but empty (CHAT_DB_PASSWORD=) counts as missing in MicroProfile Config: log in with ""
                config.getOptionalValue("chat.db.user", String.class).orElse(""),
                config.getOptionalValue("chat.db.password", String.class).orElse(""),
                config.getOptionalValue("chat.db.class", String.class),
                config.getValue("chat.db.socket-timeout-seconds", Integer.class),
                config.getValue("chat.db.h2.housekeeping-interval-ms", Long.class),
                config.getValue("chat.db.h2.housekeeping-rewrite-kib", Integer.class));
    }

    /** Without the password, in case this is ever logged. */
    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", user=" + user + ", vendorClass=" + vendorClass
                + ", socketTimeoutSeconds=" + socketTimeoutSeconds + ", h2HousekeepingIntervalMs=" + h2HousekeepingIntervalMs
                + ", h2HousekeepingRewriteKib=" + h2HousekeepingRewriteKib + "]";
    }
}
