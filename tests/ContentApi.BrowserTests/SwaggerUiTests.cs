using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ContentApi.Auth;
using ContentApi.TestSupport;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace ContentApi.BrowserTests;

/// <summary>
/// Swagger UI in a real browser against the real app on Kestrel: the page the README sends a newcomer to must render the
/// served document whole under the app's Content-Security-Policy, and its "Authorize" and "Try it out" must reach the API.
/// </summary>
public sealed class SwaggerUiTests(KestrelApiFactory factory) : IClassFixture<KestrelApiFactory>
{
    private static readonly TimeSpan PatienceForTheUi = TimeSpan.FromSeconds(30);

    [BrowserFact]
    public async Task Swagger_ui_shows_every_operation_of_the_served_document_without_an_error()
    {
        var document = await factory.Anonymous().GetFromJsonAsync<JsonObject>("/openapi/v1.json");
        var documented = document!["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(operation => $"{operation.Key.ToUpperInvariant()} {path.Key}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        using var chromium = new HeadlessChromium();
        var driver = chromium.Driver;
        driver.Navigate().GoToUrl(new Uri(factory.Address, "/swagger/index.html"));
        var wait = new WebDriverWait(driver, PatienceForTheUi);
        wait.Until(d => d.FindElements(By.CssSelector(".opblock")).Count >= documented.Count);

        var shown = driver.FindElements(By.CssSelector(".opblock"))
            .Select(block => $"{block.FindElement(By.CssSelector(".opblock-summary-method")).Text} {block.FindElement(By.CssSelector(".opblock-summary-path")).GetAttribute("data-path")}")
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(documented, shown);
        Assert.Equal("ContentApi", driver.Title);
        Assert.Empty(driver.FindElements(By.CssSelector(".errors-wrapper")));
        Assert.Empty(chromium.ConsoleErrors());
    }

    [BrowserFact]
    public async Task A_key_given_to_authorize_lets_try_it_out_read_a_draft_that_anonymous_callers_cannot_see()
    {
        var draft = await new TestContent(factory.Writer()).ArticleAsync(new() { ["status"] = "draft", ["title"] = "草稿：通義千問 Qwen3-Max 發布" });
        var id = draft["id"]!.GetValue<long>().ToString(System.Globalization.CultureInfo.InvariantCulture);

        using var chromium = new HeadlessChromium();
        var driver = chromium.Driver;
        driver.Navigate().GoToUrl(new Uri(factory.Address, "/swagger/index.html"));
        var wait = new WebDriverWait(driver, PatienceForTheUi);
        Assert.Equal("404", TryGetArticle(driver, wait, id).Status);

        wait.Until(d => d.FindElement(By.CssSelector("button.authorize"))).Click();
        wait.Until(d => d.FindElement(By.CssSelector(".auth-container input"))).SendKeys(factory.Key(ApiKeyScope.Read));
        driver.FindElement(By.CssSelector(".auth-btn-wrapper button.authorize")).Click();
        wait.Until(d => d.FindElement(By.CssSelector(".auth-btn-wrapper button.btn-done"))).Click();

        var (status, body) = TryGetArticle(driver, wait, id);
        Assert.Equal("200", status);
        Assert.True(body.Contains("草稿：通義千問 Qwen3-Max 發布", StringComparison.Ordinal), body);
        // The browser reports the anonymous try's 404 as a failed load; nothing else may fail.
        Assert.DoesNotContain(chromium.ConsoleErrors(), message => !message.Contains("status of 404", StringComparison.Ordinal));
    }

    /// <summary>GET /api/v1/articles/{id} through the operation's "Try it out": the status and body the page shows.</summary>
    private static (string Status, string Body) TryGetArticle(IWebDriver driver, WebDriverWait wait, string id)
    {
        var operation = wait.Until(d => d.FindElement(By.Id("operations-Articles-GetArticle")));
        if (operation.FindElements(By.CssSelector("button.try-out__btn")).Count == 0)
        {
            operation.FindElement(By.CssSelector(".opblock-summary")).Click();
            wait.Until(_ => operation.FindElement(By.CssSelector("button.try-out__btn"))).Click();
        }
        var idInput = wait.Until(_ => operation.FindElement(By.CssSelector("tr[data-param-name='id'] input")));
        idInput.Clear();
        idInput.SendKeys(id);
        if (operation.FindElements(By.CssSelector("button.btn-clear")).FirstOrDefault() is { } clear)
        {
            clear.Click(); // the last try's response, so that the one read below is this try's
            wait.Until(_ => operation.FindElements(By.CssSelector(".live-responses-table")).Count == 0);
        }
        operation.FindElement(By.CssSelector("button.execute")).Click();
        var status = wait.Until(_ => operation.FindElement(By.CssSelector(".live-responses-table .response .response-col_status"))).Text.Trim();
        var body = operation.FindElement(By.CssSelector(".live-responses-table .response .response-col_description")).Text;
        return (status, body);
    }
}
