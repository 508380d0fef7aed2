package nm.cte.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import nm.cte.PublisherHarness;
import nm.cte.demo.Demo;
import nm.cte.ledger.ResultRow;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The publishing page in a real browser (Debian's headless Chromium through its chromedriver), against the demo district
 * and the sandbox ODS: what a district's data clerk does with it.
 */
class PublishingPageBrowserTest {

    /** Debian's packages, which .ci/run installs: Selenium Manager is never asked to find or fetch a browser. */
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String PASSWORD = "Browser-Pa55-" + System.nanoTime();
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path downloads;
    private Demo demo;
    private PublisherHarness publisher;
    private String ledger;
    private int port;
    private final List<WebDriver> browsers = new ArrayList<>();

    @BeforeEach
    void serveTheDemo() throws Exception {
        demo = Demo.start(2027, 4);
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Properties settings = new Properties();
        settings.putAll(demo.settings());
        settings.setProperty("cte.web.port", Integer.toString(port));
        settings.setProperty("cte.web.password", PASSWORD);
        ledger = settings.getProperty("cte.state.jdbc-url");
        publisher = PublisherHarness.serving(settings);
    }

    @AfterEach
    void stop() throws Exception {
        browsers.forEach(WebDriver::quit);
        if (publisher != null) {
            publisher.close();
        }
        demo.close();
    }

    private WebDriver browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // root in a container has no user namespace for Chromium's sandbox; /dev/shm may be small there
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        // the network log, to see what the server answered even where the browser shows nothing of it
        options.setCapability("goog:loggingPrefs", Map.of(LogType.PERFORMANCE, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browsers.add(browser);
        return browser;
    }

    private String page(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** The browser logs in as a person does when it asks: the user and password go with the first request. */
    private WebDriver loggedIn() {
        WebDriver browser = browser();
        browser.get("http://operator:" + PASSWORD + "@127.0.0.1:" + port + "/");
        return browser;
    }

    private long ledgerCount(String sql, Object... values) throws Exception {
        try (Connection connection = DriverManager.getConnection(ledger, "", "");
             PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                select.setObject(i + 1, values[i]);
            }
            try (ResultSet count = select.executeQuery()) {
                count.next();
                return count.getLong(1);
            }
        }
    }

    /** The element once the page a click asked for shows it: a click that submits a form can return before the answer. */
    private static WebElement shown(WebDriver browser, By element) {
        return new WebDriverWait(browser, PATIENCE).until(page -> page.findElement(element));
    }

    @Test
    void aClerkRunsNowWorksThroughTheDependenciesAndDownloadsTheWorkbook() throws Exception {
        WebDriver browser = loggedIn();
        assertEquals("Publishing", browser.findElement(By.tagName("h1")).getText());

        // Run Now, then the page shows the run until it ends
        new Select(browser.findElement(By.name("mode"))).selectByValue("changes");
        browser.findElement(By.id("run-now-button")).click();
        assertEquals("run started: mode changes", shown(browser, By.id("said")).getText());
        new WebDriverWait(browser, PATIENCE).until(shown -> {
            shown.navigate().refresh();
            return shown.findElement(By.id("running")).getText().equals("No run is going.");
        });
        assertEquals("COMPLETED", browser.findElement(By.id("outcome")).getText());

        // the run's records, filtered to DEPENDENCY with the page's own form
        browser.findElement(By.linkText("All records")).click();
        new Select(shown(browser, By.id("status"))).selectByValue("DEPENDENCY");
        browser.findElement(By.id("filter")).click();
        long dependencies = ledgerCount("SELECT COUNT(*) FROM CTE_RESULT WHERE RUN_NUMBER = 1 AND STATUS = 'DEPENDENCY'");
        assertTrue(dependencies > 0, "the demo shows a DEPENDENCY");
        // the page before the filter has a count too: the filtered page is the one whose count is the DEPENDENCY rows'
        new WebDriverWait(browser, PATIENCE).until(filtered ->
                filtered.findElement(By.id("count")).getText().startsWith(dependencies + " records"));
        List<WebElement> statuses = browser.findElements(By.cssSelector("#records td.status"));
        assertEquals(Math.min(dependencies, PublishingPage.PAGE_SIZE), statuses.size());
        statuses.forEach(status -> assertEquals("DEPENDENCY", status.getText()));

        // a student's explanation, from the student's name
        WebElement student = browser.findElement(By.cssSelector("#records td a"));
        String name = student.getText();
        student.click();
        String explanation = shown(browser, By.id("explanation")).getText();
        assertTrue(explanation.contains("Student:   " + name), explanation);
        assertTrue(explanation.contains("Decision:"), explanation);

        // the Excel file of the run, read back
        browser.get(page("/"));
        browser.findElement(By.id("export-xlsx")).click();
        Path workbook = new WebDriverWait(browser, PATIENCE).until(shown -> downloaded("cte-results-run-1.xlsx").orElse(null));
        try (XSSFWorkbook read = new XSSFWorkbook(Files.newInputStream(workbook))) {
            Sheet records = read.getSheet("Records");
            DataFormatter formatter = new DataFormatter();
            List<String> headers = new ArrayList<>();
            records.getRow(0).forEach(cell -> headers.add(formatter.formatCellValue(cell)));
            assertEquals(ResultRow.HEADERS, headers);
            long dependencyRows = 0;
            int status = ResultRow.HEADERS.indexOf("Status");
            for (Row row : records) {
                dependencyRows += "DEPENDENCY".equals(formatter.formatCellValue(row.getCell(status))) ? 1 : 0;
            }
            assertEquals(ledgerCount("SELECT COUNT(*) FROM CTE_RESULT WHERE RUN_NUMBER = 1"), records.getLastRowNum());
            assertEquals(dependencies, dependencyRows);
        }
    }

    /** The HTTP statuses the browser received for a URL since it was last asked, from its network log. */
    private static List<Integer> statusesOf(WebDriver browser, String url) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = JSON.readTree(entry.getMessage()).path("message");
            JsonNode response = message.path("params").path("response");
            if (message.path("method").asText().equals("Network.responseReceived") && response.path("url").asText().equals(url)) {
                statuses.add(response.path("status").asInt());
            }
        }
        return statuses;
    }

    /** The file once the browser has finished writing it. */
    private Optional<Path> downloaded(String name) {
        Path file = downloads.resolve(name);
        try (Stream<Path> partial = Files.list(downloads)) {
            return Files.exists(file) && partial.noneMatch(path -> path.toString().endsWith(".crdownload")) ? Optional.of(file) : Optional.empty();
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    @Test
    void withoutCredentialsTheBrowserIsRefusedEverywhere() throws Exception {
        new PageClient(port, "operator", PASSWORD).runNow();
        WebDriver stranger = browser();

        for (String path : List.of("/", "/runs/last/records?status=DEPENDENCY", "/runs/1/records", "/students/100000001",
                "/runs/last/export.csv", "/page.css")) {
            stranger.get(page(path));
            assertEquals(List.of(401), statusesOf(stranger, page(path)), path);
            assertFalse(stranger.getPageSource().contains("100000001"), path);
            assertTrue(stranger.findElements(By.tagName("h1")).isEmpty(), path);
        }
        try (Stream<Path> files = Files.list(downloads)) {
            assertEquals(0, files.count(), "nothing was downloaded");
        }
    }
}
