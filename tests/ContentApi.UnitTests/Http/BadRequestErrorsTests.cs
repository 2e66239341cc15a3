using ContentApi.Http.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContentApi.UnitTests.Http;

/// <summary>
/// The 400 schema requires <c>errors</c>, so that generated clients read them without a null check: a 400 whose
/// refusal named nothing in particular still carries them, under <c>$</c> (the request as a whole).
/// </summary>
public sealed class BadRequestErrorsTests
{
    private static ProblemDetails Customized(ProblemDetails problem)
    {
        using var services = new ServiceCollection().AddContentApiProblemDetails().BuildServiceProvider();
        var customize = services.GetRequiredService<IOptions<ProblemDetailsOptions>>().Value.CustomizeProblemDetails!;
        customize(new ProblemDetailsContext { HttpContext = new DefaultHttpContext(), ProblemDetails = problem });
        return problem;
    }

    [Fact]
    public void A_400_without_errors_gets_its_detail_as_the_requests_error()
    {
        var problem = Customized(new ProblemDetails { Status = 400, Detail = "The request is refused." });

        var errors = Assert.IsType<Dictionary<string, string[]>>(problem.Extensions["errors"]);
        Assert.Equal(["The request is refused."], Assert.Single(errors, pair => pair.Key == "$").Value);
    }

    [Fact]
    public void A_400_with_errors_keeps_them_and_other_statuses_get_none()
    {
        var validation = Customized(new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["limit"] = ["Must be an integer."] }) { Status = 400 });
        var named = Customized(new ProblemDetails { Status = 400, Extensions = { ["errors"] = new Dictionary<string, string[]> { ["If-Match"] = ["Bad."] } } });
        var notFound = Customized(new ProblemDetails { Status = 404 });

        Assert.False(validation.Extensions.ContainsKey("errors"));
        Assert.Equal(["limit"], ((HttpValidationProblemDetails)validation).Errors.Keys);
        Assert.Equal(["If-Match"], ((Dictionary<string, string[]>)named.Extensions["errors"]!).Keys);
        Assert.False(notFound.Extensions.ContainsKey("errors"));
    }
}
