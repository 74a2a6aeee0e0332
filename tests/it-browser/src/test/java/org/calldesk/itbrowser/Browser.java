package org.calldesk.itbrowser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One agent's browser: Debian's headless Chromium driven through chromedriver, a fresh profile
 * of its own, a 1280x800 window (the size the console is made for). Every wait is on something
 * visible on the page. Screenshots go to {@code target/screenshots/<scenario>/}, numbered in the
 * order they were taken, so a reviewer can follow each step.
 */
public final class Browser implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final Path profile;
    private final URL base;
    private final Path screenshots;
    private final String name;
    private static final java.util.Map<Path, java.util.concurrent.atomic.AtomicInteger> SHOTS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private Browser(ChromeDriver driver, Path profile, URL base, Path screenshots, String name) {
        this.driver = driver;
        this.profile = profile;
        this.base = base;
        this.screenshots = screenshots;
        this.name = name;
    }

    /**
     * @param scenario the folder of this scenario's screenshots
     * @param name     whose browser it is, in the screenshots' names
     */
    public static Browser open(URL base, String scenario, String name) {
        Path profile;
        try {
            profile = Files.createTempDirectory("calldesk-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("it.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile, "--window-size=1280,800",
                "--autoplay-policy=no-user-gesture-required", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("it.chromedriver", "/usr/bin/chromedriver")).toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        fitViewport(driver, 1280, 800);
        Path screenshots = Path.of(System.getProperty("it.screenshots", "target/screenshots"), scenario);
        try {
            Files.createDirectories(screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Browser(driver, profile, base, screenshots, name);
    }

    /** The page area itself 1280x800, whatever the window's own frame takes. */
    private static void fitViewport(ChromeDriver driver, int width, int height) {
        org.openqa.selenium.Dimension outer = driver.manage().window().getSize();
        long innerWidth = ((Number) driver.executeScript("return window.innerWidth")).longValue();
        long innerHeight = ((Number) driver.executeScript("return window.innerHeight")).longValue();
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(
                (int) (width + outer.getWidth() - innerWidth), (int) (height + outer.getHeight() - innerHeight)));
    }

    public WebDriver driver() {
        return driver;
    }

    public void go(String path) {
        driver.get(base.toString().replaceAll("/$", "") + "/" + path.replaceAll("^/", ""));
    }

    public WebElement visible(By by) {
        return waitFor(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public void gone(By by) {
        waitFor(ExpectedConditions.invisibilityOfElementLocated(by));
    }

    /** Clicks the element once it is clickable; when an Ajax update replaces it meanwhile, the new one. */
    public void click(By by) {
        waitFor(d -> {
            try {
                WebElement element = d.findElement(by);
                if (!element.isDisplayed() || !element.isEnabled()) {
                    return null;
                }
                element.click();
                return Boolean.TRUE;
            } catch (StaleElementReferenceException | org.openqa.selenium.NoSuchElementException
                     | org.openqa.selenium.ElementClickInterceptedException e) {
                return null;
            }
        }, "clickable " + by);
    }

    /** Waits until the element is there and enabled. */
    public void enabled(By by) {
        waitFor(d -> {
            try {
                return d.findElement(by).isEnabled() ? Boolean.TRUE : null;
            } catch (StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
                return null;
            }
        }, "enabled " + by);
    }

    public void clickId(String id) {
        click(By.id(id));
    }

    /** Replaces the field's text; when an Ajax update replaces the field meanwhile, types into the new one. */
    public void type(By by, String text) {
        waitFor(d -> {
            try {
                WebElement field = d.findElement(by);
                if (!field.isDisplayed() || !field.isEnabled()) {
                    return null;
                }
                field.clear();
                field.sendKeys(text);
                return Boolean.TRUE;
            } catch (StaleElementReferenceException | org.openqa.selenium.NoSuchElementException
                     | org.openqa.selenium.ElementNotInteractableException e) {
                // still opening (a dialog's fade, a disabled field the next Ajax update enables): try again
                return null;
            }
        }, "a field " + by + " to type into");
    }

    /** Waits until the element shows the text (its visible text contains it, ignoring case). */
    public WebElement shows(By by, String text) {
        return waitFor(d -> {
            try {
                WebElement element = d.findElement(by);
                return element.isDisplayed() && element.getText().toLowerCase(Locale.ROOT)
                        .contains(text.toLowerCase(Locale.ROOT)) ? element : null;
            } catch (StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
                return null;
            }
        }, "'" + text + "' in " + by);
    }

    <T> T waitFor(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).until(condition);
    }

    <T> T waitFor(Function<WebDriver, T> condition, String what) {
        return new WebDriverWait(driver, WAIT).withMessage("waiting for " + what).until(condition);
    }

    public Object executeScript(String script) {
        return driver.executeScript(script);
    }

    /** Saves what the browser shows now as the next numbered screenshot of the scenario. */
    public void screenshot(String step) {
        int number = SHOTS.computeIfAbsent(screenshots, dir -> new java.util.concurrent.atomic.AtomicInteger())
                .incrementAndGet();
        String file = String.format("%02d-%s-%s.png", number, name, step.replaceAll("[^A-Za-z0-9-]+", "-"));
        Path source = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        try {
            Files.move(source, screenshots.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
