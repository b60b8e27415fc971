package app.chat.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.jboss.arquillian.container.spi.Container;
import org.jboss.arquillian.container.spi.client.deployment.Deployment;
import org.jboss.arquillian.container.spi.client.deployment.DeploymentDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.context.annotation.DeploymentScoped;
import org.jboss.arquillian.container.spi.event.DeployDeployment;
import org.jboss.arquillian.container.spi.event.UnDeployDeployment;
import org.jboss.arquillian.core.api.Event;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.InstanceProducer;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.EventContext;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.arquillian.test.spi.TestClass;
import org.jboss.arquillian.test.spi.event.suite.AfterSuite;

/**
 * Arquillian extension (registered in META-INF/services): one deployment for every test class that
 * extends {@link SharedChatServer}, instead of one per class. Arquillian deploys per test class and
 * has no suite deployment for JUnit 5; Payara Micro's adapter starts a new Payara Micro for each
 * deployment, so per class meant a server start per class (on WildFly, a redeploy per class).
 * The first such class deploys as usual; later ones get the same deployment's URL and their
 * undeploy is skipped; the deployment is undeployed (Payara Micro stopped) when the suite ends.
 * If the first deployment fails, the next class tries again. A test class with a deployment of its
 * own would run next to the shared one: on Payara Micro a second server, which then needs a STOMP
 * port of its own (chat.stomp.port).
 */
public class SharedDeployment implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Sharing.class);
    }

    /** Intercepts deploy and undeploy inside the deployment's context (hence the low precedence). */
    public static class Sharing {

        @Inject
        private Instance<TestClass> testClass;

        @Inject
        @DeploymentScoped
        private InstanceProducer<DeploymentDescription> descriptionProducer;

        @Inject
        @DeploymentScoped
        private InstanceProducer<Deployment> deploymentProducer;

        @Inject
        @DeploymentScoped
        private InstanceProducer<ProtocolMetaData> protocolMetaData;

        @Inject
        private Event<UnDeployDeployment> undeployEvent;

        /** The deployment that really is on the server, its container and what deploying it reported. */
        private Deployment deployed;
        private Container container;
        private ProtocolMetaData deployedMetaData;

        /** Why the chat is not there, once that is known: every later class fails at once with it. */
        private String notDeployed;

        /** Every test class's deployment that stands for {@link #deployed}. */
        private final Set<Deployment> sharers = Collections.newSetFromMap(new IdentityHashMap<>());

        public void deploy(@Observes(precedence = -100) EventContext<DeployDeployment> context) {
            if (!isShared()) {
                context.proceed();
                return;
            }
            Deployment deployment = context.getEvent().getDeployment();
            if (notDeployed != null) {
                throw new IllegalStateException(notDeployed);
            }
            if (deployed == null) {
                context.proceed();
                if (deployment.isDeployed()) {
                    deployed = deployment;
                    container = context.getEvent().getContainer();
                    deployedMetaData = protocolMetaData.get();
                    sharers.add(deployment);
                    requireTheChatAnswers();
                }
                return;
            }
            // what ContainerDeployController would have set, without deploying again
            descriptionProducer.set(deployment.getDescription());
            deploymentProducer.set(deployment);
            protocolMetaData.set(deployedMetaData);
            deployment.deployed();
            sharers.add(deployment);
        }

        public void undeploy(@Observes(precedence = -100) EventContext<UnDeployDeployment> context) {
            Deployment deployment = context.getEvent().getDeployment();
            if (!sharers.remove(deployment)) {
                context.proceed();
                return;
            }
            deployment.undeployed();
        }

        /**
         * Before the containers stop: the shared deployment goes, and with it Payara Micro. As an
         * event, so that the container's context is active (WildFly's adapter needs it).
         */
        public void undeployAtSuiteEnd(@Observes(precedence = 100) EventContext<AfterSuite> context) {
            try {
                if (deployed != null) {
                    Deployment last = deployed;
                    deployed = null;
                    undeployEvent.fire(new UnDeployDeployment(container, last));
                }
            } finally {
                context.proceed();
            }
        }

        /**
         * Payara Micro reports a deployment done when its own resource adapter (chat-ra) deployed, even
         * if the WAR then failed (a schema it cannot migrate, a port taken): the server answers 404 to
         * everything and each test would fail on its own with an error page. One clear failure instead.
         */
        private void requireTheChatAnswers() {
            HTTPContext http = deployedMetaData == null ? null : deployedMetaData.getContext(HTTPContext.class);
            if (http == null) {
                return;
            }
            URI live = URI.create("http://127.0.0.1:" + http.getPort() + "/health/live");
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            int status = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    status = client.send(HttpRequest.newBuilder(live).timeout(Duration.ofSeconds(10)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status != 404) {
                        return;
                    }
                    Thread.sleep(1000);
                } catch (IOException notYet) {
                    status = 0;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            notDeployed = "the chat's WAR did not deploy: GET " + live + " answered " + status
                    + " for 30 s (the server log above says why: look for its first SEVERE line)";
            Deployment failed = deployed;
            deployed = null;
            sharers.clear();
            undeployEvent.fire(new UnDeployDeployment(container, failed));
            throw new IllegalStateException(notDeployed);
        }

        private boolean isShared() {
            TestClass current = testClass.get();
            return current != null && SharedChatServer.class.isAssignableFrom(current.getJavaClass());
        }
    }
}
