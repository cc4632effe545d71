package io.scratchbird.demo;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The home page in a real headless Chromium (Debian's, installed by {@code scripts/install-browser.sh}
 * when missing), driven through Selenium: the data and every search appear, and a click works.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "scratchbird.embedded.in-memory=true")
class BrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    static WebDriver browser;
    static Path profile;

    @Value("${local.server.port}")
    int port;

    @BeforeAll
    static void startBrowser() throws Exception {
        installBrowserIfMissing();
        profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // This machine has no network: without these flags Chromium stalls on its background connections.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
    }

    private static void installBrowserIfMissing() throws IOException, InterruptedException {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        Process p = new ProcessBuilder("bash", "scripts/install-browser.sh").directory(new File("."))
                .inheritIO().start();
        if (p.waitFor() != 0 || !Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("Chromium and ChromeDriver are needed for this test; "
                    + "demo-app/scripts/install-browser.sh could not install them (it runs apt-get as root or with sudo)");
        }
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Test
    void thePageShowsTheDataAndTheSearches() {
        browser.get("http://localhost:" + port + "/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(d -> d.findElement(By.tagName("body")).getDomAttribute("data-loaded") != null);
        assertEquals("true", browser.findElement(By.tagName("body")).getDomAttribute("data-loaded"),
                browser.findElement(By.tagName("h1")).getText());

        List<WebElement> rows = browser.findElements(By.cssSelector("#products tbody tr"));
        assertTrue(rows.size() >= 8, "rows: " + rows.size());
        WebElement table = browser.findElement(By.cssSelector("#products tr[data-sku='OAK-TABLE']"));
        assertTrue(table.getText().contains("\"material\":\"oak\""), table.getText());
        assertTrue(table.getText().contains("[2026-03-01,)"), table.getText());

        assertEquals(List.of("Red velvet armchair", "Red velvet sofa"), texts("#red li"));
        assertTrue(browser.findElement(By.id("nearest")).getText().startsWith("Rive Gauche, Paris"),
                browser.findElement(By.id("nearest")).getText());
        assertEquals(3, texts("#within li").size());

        browser.findElement(By.cssSelector("#products tr[data-sku='RED-SOFA'] button.similar")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#similar li")).isEmpty());
        assertEquals("Red velvet armchair", texts("#similar li").get(0));
    }

    private List<String> texts(String css) {
        return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }
}
