package dev.fileshare;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import org.jspecify.annotations.NullMarked;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Repository;

/**
 * The naming and nullness conventions of docs/decisions.md ("Conventions"), kept true: one meaning
 * per name, so that a reader knows from a class's name whether it is a repository or a service.
 */
@AnalyzeClasses(
    packages = "dev.fileshare",
    importOptions = {ImportOption.DoNotIncludeTests.class, NotGenerated.class})
class ConventionTests {

  /** The JDK packages whose type names no class of ours may take. */
  private static final List<String> JDK_PACKAGES =
      List.of(
          "java.lang",
          "java.util",
          "java.util.concurrent",
          "java.util.function",
          "java.io",
          "java.nio",
          "java.nio.file",
          "java.nio.channels",
          "java.net",
          "java.time",
          "java.sql",
          "java.security");

  @ArchTest
  static final ArchRule repositoriesEndInRows =
      classes()
          .that()
          .areAnnotatedWith(Repository.class)
          .should()
          .haveSimpleNameEndingWith("Rows")
          .because("a JDBC repository is named for its table's rows: FileRows, UserRows");

  @ArchTest
  static final ArchRule rowsAreRepositories =
      classes()
          .that()
          .haveSimpleNameEndingWith("Rows")
          .should()
          .beAnnotatedWith(Repository.class)
          .because("the name Rows means a repository and nothing else");

  @ArchTest
  static final ArchRule beansAreNotBarePlurals =
      classes()
          .that()
          .areMetaAnnotatedWith(Component.class)
          .and()
          .areTopLevelClasses()
          .should(notBeNamedAsABarePlural())
          .because("a bare plural reads as a repository; a service is named for its role");

  @ArchTest
  static final ArchRule noNameShadowsTheJdk =
      classes()
          .should(notShareANameWithAJdkType())
          .because("a reader must never wonder which Files or Path a class means");

  @ArchTest
  static final ArchRule everyPackageIsNullMarked =
      classes()
          .should(resideInANullMarkedPackage())
          .because(
              "nullness is explicit: @Nullable marks what may be missing, nothing else may be");

  private static ArchCondition<JavaClass> notBeNamedAsABarePlural() {
    return new ArchCondition<>("not be named as a bare plural") {
      @Override
      public void check(JavaClass item, ConditionEvents events) {
        var name = item.getSimpleName();
        var plural = name.endsWith("s") && !name.endsWith("ss") && !name.endsWith("Settings");
        if (plural && !name.endsWith("Rows")) {
          events.add(
              SimpleConditionEvent.violated(item, item.getName() + " is a bean named as a plural"));
        }
      }
    };
  }

  private static ArchCondition<JavaClass> notShareANameWithAJdkType() {
    return new ArchCondition<>("not share its simple name with a public JDK type") {
      @Override
      public void check(JavaClass item, ConditionEvents events) {
        if (item.isNestedClass() || item.isAnonymousClass()) {
          return;
        }
        for (var jdk : JDK_PACKAGES) {
          var shadowed = jdk + "." + item.getSimpleName();
          if (isPublicJdkType(shadowed)) {
            events.add(
                SimpleConditionEvent.violated(
                    item, item.getName() + " has the name of " + shadowed));
          }
        }
      }
    };
  }

  private static boolean isPublicJdkType(String name) {
    try {
      var type = Class.forName(name, false, ClassLoader.getPlatformClassLoader());
      return java.lang.reflect.Modifier.isPublic(type.getModifiers());
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  private static ArchCondition<JavaClass> resideInANullMarkedPackage() {
    return new ArchCondition<>("reside in a package annotated with @NullMarked") {
      @Override
      public void check(JavaClass item, ConditionEvents events) {
        if (!item.getPackage().isAnnotatedWith(NullMarked.class)) {
          events.add(
              SimpleConditionEvent.violated(
                  item, item.getPackageName() + " has no @NullMarked package-info"));
        }
      }
    };
  }
}
