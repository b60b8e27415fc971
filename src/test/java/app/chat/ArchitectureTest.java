package app.chat;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ejb.MessageDriven;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules that package-info.java states, kept true. The broker is two packages: the
 * server ({@code broker}: Artemis, Netty) and the port every feature may use ({@code publish}: JMS only).
 */
class ArchitectureTest {

    private static final String BROKER = "app.chat.broker..";
    private static final String PORT = "app.chat.publish..";
    private static final String[] FEATURES = {"app.chat.message..", "app.chat.presence..", "app.chat.room..", "app.chat.user..", "app.chat.web.."};

    static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("app.chat");
    }

    @Test
    void featuresDoNotDependOnEachOtherInACycle() {
        slices().matching("app.chat.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void platformDependsOnNoFeature() {
        noClasses().that().resideInAPackage("app.chat.platform")
                .should().dependOnClassesThat().resideInAnyPackage("app.chat.user..", "app.chat.room..", "app.chat.message..", "app.chat.presence..", BROKER, PORT, "app.chat.web..")
                .check(classes);
    }

    @Test
    void theSchemaDependsOnNothingOfTheChatAndOnlyThePlatformRunsIt() {
        noClasses().that().resideInAPackage("app.chat.schema..")
                .should().dependOnClassesThat(resideInAPackage("app.chat..").and(resideOutsideOfPackage("app.chat.schema..")))
                .check(classes);
        noClasses().that().resideOutsideOfPackages("app.chat.schema..", "app.chat.platform..")
                .should().dependOnClassesThat().resideInAPackage("app.chat.schema..")
                .check(classes);
    }

    @Test
    void usersAndRoomsStandAlone() {
        noClasses().that().resideInAnyPackage("app.chat.user..", "app.chat.room..")
                .should().dependOnClassesThat().resideInAnyPackage("app.chat.message..", "app.chat.presence..", BROKER, "app.chat.web..")
                .check(classes);
    }

    @Test
    void webUsesOnlyThePlatform() {
        noClasses().that().resideInAPackage("app.chat.web..")
                .should().dependOnClassesThat().resideInAnyPackage("app.chat.user..", "app.chat.room..", "app.chat.message..", "app.chat.presence..", BROKER, PORT)
                .check(classes);
    }

    @Test
    void featuresReachTheBrokerOnlyThroughThePort() {
        noClasses().that().resideInAnyPackage(FEATURES)
                .should().dependOnClassesThat().resideInAPackage(BROKER)
                .check(classes);
    }

    @Test
    void thePortDependsOnNothingOfTheChat() {
        noClasses().that().resideInAPackage(PORT)
                .should().dependOnClassesThat(resideInAPackage("app.chat..").and(resideOutsideOfPackage(PORT)))
                .check(classes);
    }

    @Test
    void jmsStaysInTheBrokerThePortAndTheMdbs() {
        noClasses().that().resideOutsideOfPackages(BROKER, PORT)
                .and().areNotAnnotatedWith(MessageDriven.class)
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.jms..")
                .check(classes);
    }

    @Test
    void nettyAndArtemisStayInTheBrokerServer() {
        noClasses().that().resideOutsideOfPackage(BROKER)
                .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "org.apache.activemq..")
                .check(classes);
    }
}
