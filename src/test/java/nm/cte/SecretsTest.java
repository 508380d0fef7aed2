package nm.cte;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import nm.cte.cli.Launcher;
import nm.cte.sandbox.SandboxOds;
import nm.cte.sandbox.SandboxOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spec section 6: the client secret, the tokens and the database passwords appear in no log line, trace, JMX
 * attribute, export or error message, with tracing on.
 */
class SecretsTest {

    private static final String CLIENT_SECRET = "Client-S3cret-" + System.nanoTime();
    private static final String SOURCE_PASSWORD = "Source-Passw0rd-" + System.nanoTime();
    private static final String LEDGER_PASSWORD = "Ledger-Passw0rd-" + System.nanoTime();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int execute(Properties settings, String... args) {
        return new Launcher(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                settings).execute(args);
    }

    @Test
    void noSecretShowsAnywhereWithTracingOn(@TempDir Path folder) throws Exception {
        PowerSchoolFixture source = PowerSchoolFixture.district(SOURCE_PASSWORD);
        source.credential(source.student("123456789", 100, LocalDate.of(2026, 8, 12)), null, false);
        source.credential(source.student("999999999", 200, LocalDate.of(2026, 8, 12)), null, false);
        String ledger = PublisherHarness.freshLedger();
        try (Connection created = DriverManager.getConnection(ledger, "ledger", LEDGER_PASSWORD)) {
            assertTrue(created.isValid(1));
        }
        Path secretFile = folder.resolve("ods-secret");
        Files.writeString(secretFile, CLIENT_SECRET + "\n");
        List<String> seen = new ArrayList<>();
        PrintStream originalErr = System.err;
        PrintStream originalOut = System.out;
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        try (SandboxOds ods = SandboxOds.start(SandboxOptions.defaults("district-001", CLIENT_SECRET))) {
            ods.addStudents(List.of("123456789"));
            Properties settings = new Properties();
            settings.setProperty("cte.source.jdbc-url", source.url());
            settings.setProperty("cte.source.username", "sa");
            settings.setProperty("cte.source.password", SOURCE_PASSWORD);
            settings.setProperty("cte.state.jdbc-url", ledger);
            settings.setProperty("cte.state.username", "ledger");
            settings.setProperty("cte.state.password", LEDGER_PASSWORD);
            settings.setProperty("cte.school-year", "2027");
            settings.setProperty("cte.ods.base-url", ods.apiRoot().toString());
            settings.setProperty("cte.ods.client-id", "district-001");
            // the secret from a file, as a container platform mounts it
            settings.setProperty("cte.ods.client-secret-file", secretFile.toString());
            settings.setProperty("camel.main.tracing", "true");
            System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
            System.setOut(new PrintStream(logs, true, StandardCharsets.UTF_8));

            // serve's publisher, which has Camel's MBeans (JMX is serve's); its schedule never fires here
            Properties serving = new Properties();
            serving.putAll(settings);
            serving.setProperty("cte.schedule.cron", "0 0 0 1 1 ? 2099");
            try (PublisherHarness publisher = PublisherHarness.serving(serving)) {
                publisher.publish();
                seen.addAll(jmxAttributes());
            }
            assertEquals(Launcher.OK, execute(settings, "export", "--out", folder.resolve("r.xlsx").toString()), err.toString());
            assertEquals(Launcher.OK, execute(settings, "export", "--out", folder.resolve("r.csv").toString()));
            // error messages: a wrong ledger password, an ODS that refuses the credentials
            Properties wrong = new Properties();
            wrong.putAll(settings);
            wrong.setProperty("cte.state.password", "not-" + LEDGER_PASSWORD);
            assertEquals(Launcher.FAILED, execute(wrong, "run"));
            ods.faults().revokeAllTokens();

            seen.add(logs.toString(StandardCharsets.UTF_8));
            seen.add(out.toString(StandardCharsets.UTF_8));
            seen.add(err.toString(StandardCharsets.UTF_8));
            seen.add(Files.readString(folder.resolve("r.csv")));
            seen.add(unzipped(folder.resolve("r.xlsx")));
            List<String> secrets = new ArrayList<>(List.of(CLIENT_SECRET, SOURCE_PASSWORD, LEDGER_PASSWORD));
            secrets.addAll(ods.issuedTokens());
            assertTrue(ods.stats().tokensIssued() > 0);
            assertTrue(seen.get(seen.size() - 5).contains("[deliver"), "tracing was on");
            for (String text : seen) {
                for (String secret : secrets) {
                    assertFalse(text.contains(secret), "a secret shows in: " + text.substring(0, Math.min(200, text.length())));
                }
                assertFalse(text.contains("Bearer "), "an Authorization header shows");
            }
        } finally {
            System.setErr(originalErr);
            System.setOut(originalOut);
        }
    }

    /** Every attribute of every MBean the process has, as text. */
    private static List<String> jmxAttributes() throws Exception {
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        List<String> values = new ArrayList<>();
        for (ObjectName name : jmx.queryNames(null, null)) {
            for (MBeanAttributeInfo attribute : jmx.getMBeanInfo(name).getAttributes()) {
                try {
                    values.add(name + " " + attribute.getName() + " = " + jmx.getAttribute(name, attribute.getName()));
                } catch (Exception | Error unreadable) {
                    // some platform attributes cannot be read; none of them is ours
                }
            }
        }
        return values;
    }

    private static String unzipped(Path xlsx) throws Exception {
        StringBuilder text = new StringBuilder();
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                try (InputStream content = zip.getInputStream(entry)) {
                    text.append(new String(content.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return text.toString();
    }
}
