package app.chat.testing;

import app.chat.message.FaultInjector;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the black-box integration tests: they talk to one chat server for the whole suite run.
 * The deployment is the built WAR plus {@link FaultInjector}, which only acts on the texts
 * DeliveryGuaranteesIT sends ("fail-once:", "fail-7:", "poison:"). {@link SharedDeployment}
 * deploys it for the first of these classes and keeps it until the suite ends, because on Payara
 * Micro every deployment is a new server process. Each test makes its own users and rooms, so
 * sharing the server changes nothing they assert.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class SharedChatServer {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ChatServer.builtWar().addClass(FaultInjector.class);
    }

    /** The chat's base URL as Arquillian reports it (see {@link ChatServer#root(URL)}). */
    @ArquillianResource
    protected URL deploymentUrl;
}
