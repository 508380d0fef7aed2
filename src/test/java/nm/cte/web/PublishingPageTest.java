package nm.cte.web;

import static nm.cte.Eventually.await;
import static nm.cte.PublisherHarness.CLIENT_ID;
import static nm.cte.PublisherHarness.CLIENT_SECRET;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import nm.cte.PowerSchoolFixture;
import nm.cte.PublisherHarness;
import nm.cte.cli.Launcher;
import nm.cte.sandbox.SandboxOds;
import nm.cte.sandbox.SandboxOptions;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** serve's publishing page over HTTP, as a script or a browser calls it, against a small district and the sandbox ODS. */
class PublishingPageTest {

    private static final String PASSWORD = "Page-Pa55word-" + System.nanoTime();
    private static final ObjectName CONTROL = name("org.apache.camel:context=nm-cte-publisher,type=services,name=PublisherControl");
    private static final List<String> PUBLISHED = List.of("100000001", "100000002", "100000003", "100000004");
    /** Not in the ODS: a DEPENDENCY (E10), with a name that is markup. */
    private static final String UNKNOWN_TO_THE_ODS = "100000009";
    private static final String HOSTILE_NAME = "<script>alert('x')</script>";

    private final MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
    private final String ledger = PublisherHarness.freshLedger();
    private PowerSchoolFixture source;
    private SandboxOds ods;
    private int port;
    private PublisherHarness publisher;
    private PageClient operator;

    private static ObjectName name(String name) {
        try {
            return new ObjectName(name);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void district() throws Exception {
        source = PowerSchoolFixture.district();
        for (String student : PUBLISHED) {
            source.credential(source.student(student, student.endsWith("4") ? 200 : 100, LocalDate.of(2026, 8, 12)), null, false);
        }
        int unknown = source.student(UNKNOWN_TO_THE_ODS, 100, LocalDate.of(2026, 8, 12));
        source.credential(unknown, null, false);
        source.update("UPDATE STUDENTS SET LAST_NAME = ?, FIRST_NAME = ? WHERE DCID = ?", HOSTILE_NAME, "Eve & Co", unknown);
        ods = SandboxOds.start(SandboxOptions.defaults(CLIENT_ID, CLIENT_SECRET));
        ods.addStudents(PUBLISHED);
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
    }

    @AfterEach
    void stop() {
        if (publisher != null) {
            publisher.close();
        }
        ods.close();
    }

    private Properties settings(String... more) {
        Properties settings = new Properties();
        settings.setProperty("cte.source.jdbc-url", source.url());
        settings.setProperty("cte.source.username", "sa");
        settings.setProperty("cte.school-year", "2027");
        settings.setProperty("cte.state.jdbc-url", ledger);
        PublisherHarness.addSandbox(settings, ods);
        settings.setProperty("cte.web.port", Integer.toString(port));
        settings.setProperty("cte.web.password", PASSWORD);
        for (int i = 0; i < more.length; i += 2) {
            settings.setProperty(more[i], more[i + 1]);
        }
        return settings;
    }

    private void serve(String... more) throws Exception {
        publisher = PublisherHarness.serving(settings(more));
        operator = new PageClient(port, "operator", PASSWORD);
    }

    /** Presses Run Now and waits for the run's end; returns the page Run Now led to. */
    private String runNowAndWait(String... fields) throws Exception {
        String page = operator.runNow(fields);
        awaitNoRun();
        return page;
    }

    private void awaitNoRun() throws InterruptedException {
        await(() -> {
            try {
                return PageClient.text(operator.get("/").body(), "running").equals("No run is going.");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private List<String> ledgerRows(String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(ledger, "", "");
             ResultSet result = connection.createStatement().executeQuery(sql)) {
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                    row.append(i > 1 ? " | " : "").append(result.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private static List<String> statuses(String page) {
        List<String> statuses = new ArrayList<>();
        Matcher cell = Pattern.compile("<td class=\"status\">([^<]*)</td>").matcher(page);
        while (cell.find()) {
            statuses.add(cell.group(1));
        }
        return statuses;
    }

    @Test
    void everyPageAndActionRefusesAStranger() throws Exception {
        serve();
        operator.runNow();
        awaitNoRun();
        List<PageClient> strangers = List.of(new PageClient(port, "operator", null), new PageClient(port, "operator", "guess"),
                new PageClient(port, "admin", PASSWORD));
        for (PageClient stranger : strangers) {
            for (String path : List.of("/", "/runs/1/records", "/runs/last/records?status=DEPENDENCY", "/runs/1/export.xlsx",
                    "/runs/last/export.csv", "/students/100000001", "/page.css", "/no/such/page")) {
                HttpResponse<String> answer = stranger.get(path);
                assertEquals(401, answer.statusCode(), path);
                assertTrue(answer.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic realm="), path);
                assertFalse(answer.body().contains("100000001"), path);
            }
            assertEquals(401, stranger.post("/runs", "mode", "all", "csrf", operator.csrfToken()).statusCode());
        }
        assertEquals(List.of("1 | CHANGES"), ledgerRows("SELECT RUN_NUMBER, MODE FROM CTE_RUN"));
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        serve();
        operator.runNow();
        awaitNoRun();
        List<HttpResponse<?>> answers = List.of(operator.get("/"), operator.get("/runs/last/records"), operator.get("/students/100000001"),
                operator.download("/runs/1/export.xlsx"), operator.get("/runs/7/records"), operator.get("/no/such/page"),
                operator.post("/runs", "mode", "all"), new PageClient(port, "operator", null).get("/"));
        for (HttpResponse<?> answer : answers) {
            String what = answer.request().method() + " " + answer.uri() + " " + answer.statusCode();
            assertEquals(PageGuard.CONTENT_SECURITY_POLICY, answer.headers().firstValue("Content-Security-Policy").orElse(null), what);
            assertEquals("nosniff", answer.headers().firstValue("X-Content-Type-Options").orElse(null), what);
            assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElse(null), what);
        }
    }

    @Test
    void runNowWithoutThePagesTokenIsRefusedAndStartsNothing() throws Exception {
        serve();

        HttpResponse<String> forged = operator.post("/runs", "mode", "all", "csrf", "made-up");

        assertEquals(403, forged.statusCode());
        assertEquals(403, operator.post("/runs", "mode", "all").statusCode());
        Thread.sleep(300);
        assertEquals(List.of(), ledgerRows("SELECT RUN_NUMBER FROM CTE_RUN"));
        assertEquals(0, ods.associations().size());
    }

    @Test
    void runNowFromThePageSendsWhatChangedAndLeadsBackToTheSummary() throws Exception {
        serve();

        String page = operator.runNow();

        assertEquals("run started: mode changes", PageClient.text(page, "said"));
        awaitNoRun();
        String summary = operator.get("/").body();
        assertEquals("COMPLETED", PageClient.text(summary, "outcome"));
        assertTrue(summary.contains("<td><a href=\"/runs/1/records?status=PUBLISHED\">Published</a></td><td class=\"number\">4</td>"),
                summary);
        assertTrue(summary.contains(">STUDENT_NOT_PUBLISHED</a></td><td>E10</td><td>Dependencies</td><td class=\"number\">1</td>"),
                summary);
        assertEquals(PUBLISHED.size(), ods.associations().size());
    }

    @Test
    void runNowFromThePageIsRefusedWhileAJmxRunGoes() throws Exception {
        ods.faults().latency(Duration.ofMillis(400));
        serve("cte.ods.max-connections", "1");
        jmx.invoke(CONTROL, "runNow", new Object[] {"all"}, new String[] {String.class.getName()});

        String page = operator.runNow("mode", "changes");

        assertTrue(PageClient.text(page, "said").startsWith("already running (run "), page);
        awaitNoRun();
        assertEquals(List.of("1 | ALL | COMPLETED"), ledgerRows("SELECT RUN_NUMBER, MODE, OUTCOME FROM CTE_RUN"));
    }

    @Test
    void aRunFromThePageHoldsTheTurnThatJmxAsksFor() throws Exception {
        ods.faults().latency(Duration.ofMillis(400));
        serve("cte.ods.max-connections", "1");
        operator.runNow("mode", "all");

        String jmxAnswer = (String) jmx.invoke(CONTROL, "runNow", new Object[] {"changes"}, new String[] {String.class.getName()});

        assertTrue(jmxAnswer.startsWith("already running (run "), jmxAnswer);
        awaitNoRun();
        assertEquals(List.of("1 | ALL | COMPLETED"), ledgerRows("SELECT RUN_NUMBER, MODE, OUTCOME FROM CTE_RUN"));
    }

    @Test
    void aRunFromThePageRecordsWhatTheSameRunOverJmxRecords() throws Exception {
        serve();
        runNowAndWait("mode", "all");
        jmx.invoke(CONTROL, "runNow", new Object[] {"all"}, new String[] {String.class.getName()});
        await(() -> {
            try {
                return (long) jmx.getAttribute(CONTROL, "LastRunNumber") == 2 && !(boolean) jmx.getAttribute(CONTROL, "Running");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        List<String> runs = ledgerRows("SELECT MODE, SELECTION, OUTCOME, CANDIDATES, PUBLISHED, DEPENDENCY FROM CTE_RUN ORDER BY RUN_NUMBER");
        assertEquals(2, runs.size());
        assertEquals(runs.get(0), runs.get(1));
        String results = "SELECT SEQ, SCHOOL_NAME, STUDENT_NUMBER, STUDENT_NAME, STATUS, REASON, MESSAGE, RESOURCE_ID FROM CTE_RESULT"
                + " WHERE RUN_NUMBER = %d ORDER BY STUDENT_NUMBER";
        assertEquals(ledgerRows(results.formatted(1)).stream().map(row -> row.substring(row.indexOf('|'))).toList(),
                ledgerRows(results.formatted(2)).stream().map(row -> row.substring(row.indexOf('|'))).toList());
    }

    @Test
    void runNowForOneSchoolSendsThatSchoolOnly() throws Exception {
        serve();

        runNowAndWait("mode", "changes", "school", "200");

        assertEquals(1, ods.associations().size());
        assertEquals(List.of("CHANGES | school 200"), ledgerRows("SELECT MODE, SELECTION FROM CTE_RUN"));
    }

    @Test
    void recordsFilteredByStatusShowThatStatusOnly() throws Exception {
        serve();
        runNowAndWait();

        String page = operator.get("/runs/last/records?status=DEPENDENCY").body();

        assertEquals(List.of("DEPENDENCY"), statuses(page));
        assertEquals(List.of("PUBLISHED", "PUBLISHED", "PUBLISHED", "PUBLISHED"),
                statuses(operator.get("/runs/1/records?status=PUBLISHED").body()));
    }

    @Test
    void recordsFilteredByReasonAndSchool() throws Exception {
        serve();
        runNowAndWait();

        assertEquals(List.of("DEPENDENCY"), statuses(operator.get("/runs/1/records?reason=STUDENT_NOT_PUBLISHED").body()));
        assertEquals(List.of("PUBLISHED"), statuses(operator.get("/runs/1/records?school=Mesa%20Alternative").body()));
        assertEquals(List.of(), statuses(operator.get("/runs/1/records?school=Mesa%20Alternative&status=DEPENDENCY").body()));
    }

    @Test
    void recordsSearchFindsAStudentByStateNumberPsNumberOrName() throws Exception {
        serve();
        runNowAndWait();

        assertEquals(1, statuses(operator.get("/runs/1/records?q=100000002").body()).size());
        String byPsNumber = operator.get("/runs/1/records?q=" + psNumber("100000002")).body();
        assertEquals(1, statuses(byPsNumber).size());
        assertTrue(byPsNumber.contains(">100000002<"), byPsNumber);
        assertEquals(List.of("DEPENDENCY"), statuses(operator.get("/runs/1/records?q=script").body()));
        assertEquals(PUBLISHED.size(), statuses(operator.get("/runs/1/records?q=garc").body()).size());
        assertEquals(List.of(), statuses(operator.get("/runs/1/records?q=%25").body()));
    }

    private String psNumber(String stateNumber) throws Exception {
        try (Connection connection = DriverManager.getConnection(source.url(), "sa", "");
             ResultSet row = connection.createStatement().executeQuery("SELECT STUDENT_NUMBER FROM STUDENTS WHERE STATE_STUDENTNUMBER = '"
                     + stateNumber + "'")) {
            row.next();
            return row.getString(1);
        }
    }

    @Test
    void recordsComeFiftyToAPage() throws Exception {
        for (int i = 0; i < 56; i++) {
            source.credential(source.student(Integer.toString(300000000 + i), 100, LocalDate.of(2026, 8, 12)), null, false);
        }
        serve();
        runNowAndWait();

        String first = operator.get("/runs/1/records").body();
        assertEquals(PublishingPage.PAGE_SIZE, statuses(first).size());
        assertEquals("61 records, 1 to 50.", PageClient.text(first, "count"));
        String second = operator.get("/runs/1/records?status=&reason=&school=&q=&page=2").body();
        assertEquals(11, statuses(second).size());
        assertEquals("61 records, 51 to 61.", PageClient.text(second, "count"));
    }

    @Test
    void aRunTheLedgerDoesNotHaveIsNotFound() throws Exception {
        serve();

        assertEquals(404, operator.get("/runs/last/records").statusCode());
        assertEquals(404, operator.get("/runs/12/export.csv").statusCode());
        assertEquals(404, operator.get("/runs/twelve/records").statusCode());
    }

    @Test
    void exportsAreTheFilesOfTheExportCommand(@TempDir Path directory) throws Exception {
        serve();
        runNowAndWait();

        Path csv = directory.resolve("results.csv");
        Path xlsx = directory.resolve("results.xlsx");
        Properties commandSettings = settings();
        Launcher launcher = new Launcher(new PrintStream(new ByteArrayOutputStream()), System.err, commandSettings);
        assertEquals(0, launcher.execute("export", "--out", csv.toString()));
        assertEquals(0, launcher.execute("export", "--out", xlsx.toString(), "--run", "1"));

        HttpResponse<byte[]> pageCsv = operator.download("/runs/last/export.csv");
        assertArrayEquals(Files.readAllBytes(csv), pageCsv.body());
        assertEquals("attachment; filename=\"cte-results-run-1.csv\"", pageCsv.headers().firstValue("Content-Disposition").orElse(null));
        HttpResponse<byte[]> pageXlsx = operator.download("/runs/1/export.xlsx");
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", pageXlsx.headers().firstValue("Content-Type").orElse(null));
        try (XSSFWorkbook fromPage = new XSSFWorkbook(new ByteArrayInputStream(pageXlsx.body()));
             XSSFWorkbook fromCommand = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            assertEquals(cells(fromCommand), cells(fromPage));
        }
    }

    private static List<String> cells(XSSFWorkbook workbook) {
        List<String> cells = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        for (Sheet sheet : workbook) {
            for (Row row : sheet) {
                row.forEach(cell -> cells.add(sheet.getSheetName() + "!" + cell.getAddress() + "=" + formatter.formatCellValue(cell)));
            }
        }
        return cells;
    }

    @Test
    void aStudentsPageSaysWhatExplainSays() throws Exception {
        serve();
        runNowAndWait();
        ByteArrayOutputStream explained = new ByteArrayOutputStream();
        Properties commandSettings = settings();
        commandSettings.remove("cte.web.port");
        assertEquals(0, new Launcher(new PrintStream(explained, true, StandardCharsets.UTF_8), System.err, commandSettings)
                .execute("explain", UNKNOWN_TO_THE_ODS));

        String page = operator.get("/students/" + UNKNOWN_TO_THE_ODS).body();

        assertEquals(explained.toString(StandardCharsets.UTF_8).strip(), PageClient.text(page, "explanation"));
        assertTrue(page.contains("Decision:  READY"), page);
    }

    @Test
    void aStudentsPageWaitsForNoRunAndSaysWhichGoes() throws Exception {
        ods.faults().latency(Duration.ofMillis(400));
        serve("cte.ods.max-connections", "1");
        jmx.invoke(CONTROL, "runNow", new Object[] {"all"}, new String[] {String.class.getName()});

        HttpResponse<String> page = operator.get("/students/" + UNKNOWN_TO_THE_ODS);

        assertEquals(409, page.statusCode());
        assertTrue(PageClient.text(page.body(), "refusal").contains("already running (run "), page.body());
        awaitNoRun();
        assertEquals(List.of("1 | ALL | COMPLETED"), ledgerRows("SELECT RUN_NUMBER, MODE, OUTCOME FROM CTE_RUN"));
    }

    @Test
    void pagesEscapeWhatTheSourceHolds() throws Exception {
        serve();
        runNowAndWait();

        for (String path : List.of("/runs/1/records", "/students/" + UNKNOWN_TO_THE_ODS)) {
            String page = operator.get(path).body();
            assertTrue(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), path);
            assertTrue(page.contains("Eve &amp; Co"), path);
            assertFalse(page.contains("<script>"), path);
        }
        String search = operator.get("/runs/1/records?q=%22%3E%3Cb%3E").body();
        assertTrue(search.contains("value=\"&quot;&gt;&lt;b&gt;\""), search);
    }

    @Test
    void thePageWillNotStartWithoutAPassword() {
        Properties settings = settings();
        settings.remove("cte.web.password");

        Exception refused = assertThrows(Exception.class, () -> PublisherHarness.serving(settings).close());

        assertTrue(rootMessage(refused).startsWith("CTE_WEB_PASSWORD is not set"), rootMessage(refused));
    }

    @Test
    void thePasswordMayComeFromAFile(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("web-password");
        Files.writeString(file, PASSWORD + "\n");
        Properties settings = settings();
        settings.remove("cte.web.password");
        settings.setProperty("cte.web.password-file", file.toString());
        publisher = PublisherHarness.serving(settings);

        assertEquals(200, new PageClient(port, "operator", PASSWORD).get("/").statusCode());
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    @Test
    void neitherPasswordNorTokenShowsInTheLogOrOnAPage() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        List<String> pages = new ArrayList<>();
        String csrf;
        try {
            System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
            serve();
            jmx.invoke(CONTROL, "tracingOn", new Object[0], new String[0]);
            csrf = operator.csrfToken();
            pages.add(runNowAndWait("mode", "all"));
            for (String path : List.of("/", "/runs/1/records", "/runs/1/records?status=DEPENDENCY", "/students/100000001")) {
                pages.add(operator.get(path).body());
            }
            pages.add(new String(operator.download("/runs/1/export.csv").body(), StandardCharsets.UTF_8));
            operator.post("/runs", "mode", "all", "csrf", "wrong");
        } finally {
            System.setErr(original);
        }
        String everything = log.toString(StandardCharsets.UTF_8);
        assertTrue(everything.contains("[deliver"), "tracing was on");
        String credentials = Base64.getEncoder().encodeToString(("operator:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        for (String secret : List.of(PASSWORD, credentials, csrf, CLIENT_SECRET)) {
            assertFalse(everything.contains(secret), "the log shows a secret: " + secret);
        }
        for (String page : pages) {
            assertFalse(page.contains(PASSWORD) || page.contains(credentials) || page.contains(CLIENT_SECRET), page);
            for (String token : ods.issuedTokens()) {
                assertFalse(page.contains(token), "a page shows an ODS token");
            }
        }
    }
}
