using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Gleaner.Web.Tests;

/// <summary>Headless Chromium driven through ChromeDriver: Debian's packages (<c>.ci/chromium</c> installs them).</summary>
public static class Browser
{
    public const string DriverPath = "/usr/bin/chromedriver";

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("GLEANER_TEST_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Why the browser tests cannot run here, or null when they can.</summary>
    public static string? MissingReason =>
        !File.Exists(ChromiumPath) ? $"no Chromium at {ChromiumPath} (run .ci/chromium, or set GLEANER_TEST_CHROMIUM)"
        : !File.Exists(DriverPath) ? $"no ChromeDriver at {DriverPath} (run .ci/chromium)"
        : null;

    /// <summary>A fresh headless browser with its own profile; <paramref name="width"/> x <paramref name="height"/> window.</summary>
    public static ChromeDriver Start(string profile, int width = 1280, int height = 900)
    {
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(DriverPath)!, Path.GetFileName(DriverPath));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = ChromiumPath };
        options.AddArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", $"--window-size={width},{height}", "--user-data-dir=" + profile);
        var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(30);
        return driver;
    }
}

/// <summary>A test that needs the browser: skipped, saying why, when Chromium or ChromeDriver is absent.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Browser.MissingReason is { } reason)
            Skip = "browser test skipped: " + reason;
    }
}
