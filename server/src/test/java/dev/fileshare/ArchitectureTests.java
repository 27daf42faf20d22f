package dev.fileshare;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FileReader;
import java.io.FileWriter;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;

/**
 * Rules of the architecture that the compiler cannot keep: which libraries each module may use,
 * that only the storage module touches files, and that no module reaches into another's internals.
 */
@AnalyzeClasses(
    packages = "dev.fileshare",
    importOptions = {ImportOption.DoNotIncludeTests.class, NotGenerated.class})
class ArchitectureTests {

  private static final String ROOT = "dev.fileshare";

  @ArchTest
  static final ArchRule pdfboxOnlyInInspection =
      noClasses()
          .that()
          .resideOutsideOfPackage(ROOT + ".inspection..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.apache.pdfbox..")
          .because("parsing untrusted documents stays in one place, under its limits");

  @ArchTest
  static final ArchRule filesOnlyInStorageAndPlatform =
      noClasses()
          .that()
          .resideOutsideOfPackages(ROOT + ".storage..", ROOT + ".platform..", ROOT + ".backup..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("java.nio.file..")
          .orShould()
          .dependOnClassesThat()
          .belongToAnyOf(
              File.class,
              FileInputStream.class,
              FileOutputStream.class,
              FileReader.class,
              FileWriter.class,
              RandomAccessFile.class)
          .because("blobs may live elsewhere than on a local disk; only storage knows where");

  @ArchTest
  static final ArchRule fileChannelsOnlyInStorage =
      noClasses()
          .that()
          .resideOutsideOfPackage(ROOT + ".storage..")
          .should()
          .dependOnClassesThat()
          .belongToAnyOf(FileChannel.class)
          .because("other modules read blobs through BlobStore's SeekableByteChannel");

  @ArchTest
  static final ArchRule jakartaMailOnlyInMail =
      noClasses()
          .that()
          .resideOutsideOfPackage(ROOT + ".mail..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("jakarta.mail..");

  @ArchTest
  static final ArchRule awsSdkOnlyInS3Storage =
      noClasses()
          .that()
          .resideOutsideOfPackage(ROOT + ".storage.s3..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("software.amazon..");

  @ArchTest
  static final ArchRule noModuleReachesIntoAnothersInternals =
      classes().should(notDependOnInternalsOfOtherModules());

  @ArchTest
  static final ArchRule controllersAreNotPublic =
      classes()
          .that()
          .areMetaAnnotatedWith(Controller.class)
          .should()
          .notBePublic()
          .because("a controller is reached through HTTP, never called by another module");

  private static final Pattern INTERNAL =
      Pattern.compile(Pattern.quote(ROOT) + "\\.(\\w+)(\\.\\w+)*\\.(internal|local|s3)(\\..*)?");

  private static ArchCondition<JavaClass> notDependOnInternalsOfOtherModules() {
    return new ArchCondition<>(
        "not depend on the internal, local or s3 packages of another module") {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        var from = module(origin.getPackageName());
        for (var dependency : origin.getDirectDependenciesFromSelf()) {
          var target = dependency.getTargetClass().getBaseComponentType().getPackageName();
          var matcher = INTERNAL.matcher(target);
          if (matcher.matches() && !matcher.group(1).equals(from)) {
            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
          }
        }
      }
    };
  }

  /** The module a package belongs to: the first package below the root ("" for the root). */
  private static String module(String packageName) {
    if (!packageName.startsWith(ROOT + ".")) {
      return "";
    }
    var rest = packageName.substring(ROOT.length() + 1);
    var dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }
}
