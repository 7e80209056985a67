package dev.switchboard.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.wamp.client.CallResult;
import dev.switchboard.wamp.client.WampClient;
import dev.switchboard.wamp.message.Payload;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in headless Chromium against the real suite: router, orchestrator, one compute-service and the
 * ui-service, each started from its jar. A person's steps: open the page, solve berlin52 for 2 s and see the tour and
 * the run's result; see the compute instance with its CPU load; be told what is wrong with bad input; donate the
 * tab's CPU and see the orchestrator use one more callee and the tab serve calls; stop donating; open a second tab
 * during a run and see it at once; stop the run; the phone layout. Screenshots go to {@code target/screenshots/}.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver} (listed in {@code .ci/apt-packages}, which
 * {@code scripts/test.sh} installs as root); without them the test fails saying so.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String[] ROUTER_ARGUMENTS = {"--switchboard.router.transport.rawsocket.host=127.0.0.1",
            "--switchboard.router.transport.rawsocket.port=0"};

    private static ServiceProcess router;
    private static ServiceProcess orchestrator;
    private static ServiceProcess compute;
    private static ServiceProcess ui;
    private static WampClient client;
    private static WebDriver browser;

    @BeforeAll
    static void startSuiteAndBrowser() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            Assertions.fail("the dashboard test needs Debian's chromium and chromium-driver (" + CHROMIUM + ", "
                    + CHROMEDRIVER + "): listed in .ci/apt-packages, installed by scripts/test.sh when run as root");
        }
        router = ServiceProcess.start("router-service", ROUTER_ARGUMENTS);
        router.awaitHealthy(Duration.ofSeconds(90));
        String routerUrl = "ws://127.0.0.1:" + router.port() + "/ws";
        String wamp = "--switchboard.wamp.url=" + routerUrl;
        orchestrator = ServiceProcess.start("orchestrator-service", wamp);
        compute = ServiceProcess.start("compute-service", wamp, "--switchboard.compute.concurrency=1");
        ui = ServiceProcess.start("ui-service", wamp, "--switchboard.ui.router-url=" + routerUrl);
        for (ServiceProcess service : List.of(orchestrator, compute, ui)) {
            service.awaitHealthy(Duration.ofSeconds(120));
        }
        client = WampClient.builder(URI.create(routerUrl), "realm1").build();
        client.connect().get();

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .withLogFile(new File("target/service-logs/chromedriver.log"))
                .build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopAll() throws InterruptedException {
        if (browser != null) {
            browser.quit();
        }
        if (client != null) {
            client.close();
        }
        for (ServiceProcess service : new ServiceProcess[] {ui, compute, orchestrator, router}) {
            if (service != null) {
                service.close();
            }
        }
    }

    @Test
    @Order(1)
    void showsTheComputeInstanceWithItsCpuLoad() throws IOException {
        browser.get(ui.uri("/").toString());
        waitFor(Duration.ofSeconds(20), "the page connected", () -> "open".equals(attribute("connection-state", "data-state")));
        waitFor(Duration.ofSeconds(20), "the compute-service listed", () -> row("compute-service") != null);
        WebElement row = row("compute-service");
        assertThat(row.findElement(By.cssSelector(".kind")).getText()).isEqualTo("service");
        assertThat(row.findElement(By.cssSelector(".cpu")).getText()).matches("\\d+%");
        assertThat(paintedPixels(row.findElement(By.cssSelector("canvas.spark")))).isPositive();
        screenshot("1-connected");
    }

    @Test
    @Order(2)
    void refusesInvalidInputSayingWhatToFix() throws IOException {
        WebElement budget = browser.findElement(By.id("budget"));
        budget.clear();
        budget.sendKeys("0");
        browser.findElement(By.id("start")).click();
        assertThat(text("form-error")).isEqualTo("The budget must be between 0.1 and 240 seconds.");
        budget.clear();
        budget.sendKeys("2");

        WebElement n = browser.findElement(By.id("random-n"));
        n.clear();
        n.sendKeys("2");
        browser.findElement(By.id("start")).click();
        assertThat(text("form-error")).isEqualTo("n must be a whole number from 3 to 100,000.");

        Path file = Files.createTempFile("geo", ".tsp");
        Files.writeString(file, "NAME: geo\nEDGE_WEIGHT_TYPE: GEO\nNODE_COORD_SECTION\n1 0 0\n2 1 1\n3 2 2\nEOF\n");
        browser.findElement(By.id("file-input")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.id("start")).click();
        waitFor(Duration.ofSeconds(5), "the file refused", () -> text("form-error").contains("GEO"));
        assertThat(text("form-error")).startsWith(file.getFileName() + ": EDGE_WEIGHT_TYPE GEO is not supported");
        assertThat(text("run-state")).isEqualTo("no run");
        browser.findElement(By.cssSelector("input[name=source][value=tsplib]")).click();
        Files.delete(file);
    }

    @Test
    @Order(3)
    void solvesBerlin52AndShowsTheRunsResult() throws Exception {
        startRun("berlin52", "2");
        waitFor(Duration.ofSeconds(30), "the run finished", () -> text("run-state").equals("finished"));

        Map<String, Object> run = newestRun();
        assertThat(run).containsEntry("state", "finished").containsEntry("name", "berlin52");
        long length = ((Number) run.get("length")).longValue();
        waitFor(Duration.ofSeconds(5), "the page shows the result",
                () -> attribute("best-length", "data-length").equals(Long.toString(length)));
        assertThat(text("best-length").replace(",", "")).isEqualTo(Long.toString(length));
        assertThat(length).isBetween(7542L, 7542L * 11 / 10);
        assertThat(text("gap")).endsWith("%");
        assertThat(paintedPixels(browser.findElement(By.id("route-canvas")))).isGreaterThan(500);
        assertThat(browser.findElement(By.cssSelector("#history-body tr")).getText()).contains("berlin52", "finished");
        screenshot("2-berlin52-solved");
    }

    @Test
    @Order(4)
    void donatedCpuServesCallsAsOneMoreCallee() throws Exception {
        WebElement workers = browser.findElement(By.id("donate-cores"));
        workers.clear();
        workers.sendKeys("1");
        browser.findElement(By.id("donate-button")).click();
        waitFor(Duration.ofSeconds(20), "the worker connected", () -> "1".equals(attribute("donate-workers", "data-connected")));
        waitFor(Duration.ofSeconds(10), "the browser instance listed", () -> row("browser-") != null);

        startRun("berlin52", "3");
        waitFor(Duration.ofSeconds(15), "the run uses two callees", () -> "2".equals(attribute("callees", "data-callees")));
        waitFor(Duration.ofSeconds(30), "the run finished", () -> text("run-state").equals("finished"));
        waitFor(Duration.ofSeconds(5), "the tab served calls",
                () -> Long.parseLong(attribute("donate-calls", "data-calls")) > 0);
        Map<String, Object> run = newestRun();
        assertThat(((Number) run.get("callees")).intValue()).isEqualTo(2);
        assertThat(attribute("best-length", "data-length")).isEqualTo(run.get("length").toString());
        assertThat(row("browser-").findElement(By.cssSelector(".kind")).getText()).isEqualTo("browser");
        screenshot("3-donating");

        browser.findElement(By.id("donate-button")).click();
        waitFor(Duration.ofSeconds(10), "the browser instance gone", () -> row("browser-") == null);
        assertThat(browser.findElement(By.id("donate-button")).getText()).isEqualTo("Donate CPU");
    }

    @Test
    @Order(5)
    @SuppressWarnings("unchecked")
    void aNewlyOpenedDashboardShowsTheRunningRunAndTheRecentLoadAtOnceAndStopStopsIt() throws Exception {
        String first = browser.getWindowHandle();
        startRun("pr1002", "30");
        CallResult result = client.call("tsp.ui.history", Payload.of(null, Map.of())).get();
        Map<String, Object> history = result.kwargs();
        List<Map<String, Object>> instances = (List<Map<String, Object>>) history.get("instances");
        assertThat(instances).anySatisfy(instance -> {
            assertThat(instance.get("instanceId").toString()).startsWith("compute-service");
            assertThat((List<?>) instance.get("samples")).hasSizeGreaterThan(5);
        });
        assertThat(((List<Map<String, Object>>) history.get("runs")).getFirst()).containsEntry("state", "running");

        browser.switchTo().newWindow(WindowType.TAB);
        try {
            browser.get(ui.uri("/").toString());
            waitFor(Duration.ofSeconds(5), "the running run shown", () -> text("run-state").equals("running")
                    && text("run-name").startsWith("pr1002"));
            waitFor(Duration.ofSeconds(3), "its tour drawn",
                    () -> paintedPixels(browser.findElement(By.id("route-canvas"))) > 2000);
            waitFor(Duration.ofSeconds(3), "the instance listed", () -> row("compute-service") != null);
            screenshot("4-opened-during-a-run");
        } finally {
            browser.close();
            browser.switchTo().window(first);
        }
        browser.findElement(By.id("stop")).click();
        waitFor(Duration.ofSeconds(10), "the run stopped", () -> text("run-state").equals("stopped"));
        assertThat(newestRun()).containsEntry("state", "stopped");
        assertThat(browser.findElement(By.id("stop")).isEnabled()).isFalse();
    }

    @Test
    @Order(6)
    void fitsAPhoneSizedScreen() throws IOException {
        browser.manage().window().setSize(new Dimension(390, 844));
        long overflow = (Long) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).isLessThanOrEqualTo(0);
        screenshot("5-phone");
        browser.manage().window().setSize(new Dimension(1400, 1000));
    }

    private static void startRun(String instance, String budgetSeconds) {
        waitFor(Duration.ofSeconds(20), "TSPLIB instances offered",
                () -> !browser.findElements(By.cssSelector("#tsplib-select option[value='" + instance + "']")).isEmpty());
        new Select(browser.findElement(By.id("tsplib-select"))).selectByValue(instance);
        WebElement budget = browser.findElement(By.id("budget"));
        budget.clear();
        budget.sendKeys(budgetSeconds);
        waitFor(Duration.ofSeconds(10), "Start enabled", () -> browser.findElement(By.id("start")).isEnabled());
        browser.findElement(By.id("start")).click();
        waitFor(Duration.ofSeconds(15), "the run started", () -> text("run-state").equals("running"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> newestRun() throws Exception {
        CallResult result = client.call("tsp.runs.list", Payload.of(null, Map.of("limit", 1))).get();
        Map<String, Object> list = result.kwargs().isEmpty() ? (Map<String, Object>) result.arg(0) : result.kwargs();
        return ((List<Map<String, Object>>) list.get("runs")).getFirst();
    }

    private static WebElement row(String instancePrefix) {
        return browser.findElements(By.cssSelector("#instances-body tr")).stream()
                .filter(tr -> tr.getDomAttribute("data-instance-id").startsWith(instancePrefix))
                .findFirst().orElse(null);
    }

    /** The pixels of a canvas that are not transparent. */
    private static long paintedPixels(WebElement canvas) {
        return (Long) ((JavascriptExecutor) browser).executeScript("""
                const c = arguments[0], data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                let n = 0; for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) n++; return n;""", canvas);
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static String attribute(String id, String name) {
        String value = browser.findElement(By.id(id)).getDomAttribute(name);
        return value == null ? "" : value;
    }

    private static void waitFor(Duration timeout, String what, java.util.function.BooleanSupplier condition) {
        try {
            new WebDriverWait(browser, timeout).withMessage(what).until(driver -> condition.getAsBoolean());
        } catch (RuntimeException e) {
            screenshotQuietly("failed-" + what.replaceAll("\\W+", "-"));
            throw e;
        }
    }

    private static void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private static void screenshotQuietly(String name) {
        try {
            screenshot(name);
        } catch (IOException | RuntimeException ignored) {
            // the failure itself is what matters
        }
    }
}
