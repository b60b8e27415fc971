package app.chat;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ejb.MessageDriven;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package rules that package-info.java states, kept true. */
class ArchitectureTest {

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
                .should().dependOnClassesThat().resideInAnyPackage("app.chat.user..", "app.chat.room..", "app.chat.message..", "app.chat.broker..", "app.chat.web..")
                .check(classes);
    }

    @Test
    void usersAndRoomsStandAlone() {
        noClasses().that().resideInAnyPackage("app.chat.user..", "app.chat.room..")
                .should().dependOnClassesThat().resideInAnyPackage("app.chat.message..", "app.chat.broker..", "app.chat.web..")
                .check(classes);
    }

    @Test
    void webUsesOnlyThePlatform() {
        noClasses().that().resideInAPackage("app.chat.web..")
                .should().dependOnClassesThat().resideInAnyPackage("app.chat.user..", "app.chat.room..", "app.chat.message..", "app.chat.broker..")
                .check(classes);
    }

    @Test
    void jmsAndArtemisStayInTheBrokerAndTheMdbs() {
        noClasses().that().resideOutsideOfPackage("app.chat.broker..")
                .and().areNotAnnotatedWith(MessageDriven.class)
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.jms..", "org.apache.activemq..")
                .check(classes);
    }

    @Test
    void nettyAndArtemisInternalsStayInTheBroker() {
        noClasses().that().resideOutsideOfPackage("app.chat.broker..")
                .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "org.apache.activemq.artemis.core..", "org.apache.activemq.artemis.spi..")
                .check(classes);
    }
}
