package app.chat;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
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
    void jmsAndArtemisStayInTheBrokerAndTheMdbs() {
        noClasses().that().resideOutsideOfPackage("app.chat.broker..")
                .and().doNotHaveSimpleName("ChatMessageConsumer")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.jms..", "org.apache.activemq..")
                .check(classes);
    }
}
