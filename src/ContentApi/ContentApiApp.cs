using ContentApi.Articles;
using ContentApi.Articles.EarlierSlugs;
using ContentApi.Articles.Revisions;
using ContentApi.Auth;
using ContentApi.Authors;
using ContentApi.Benchmarking;
using ContentApi.Data;
using ContentApi.Deletions;
using ContentApi.EarlierSlugs;
using ContentApi.Health;
using ContentApi.Http.Binding;
using ContentApi.Http.Bodies;
using ContentApi.Http.Caching;
using ContentApi.Http.Errors;
using ContentApi.Http.Json;
using ContentApi.Http.Limits;
using ContentApi.Http.Pipeline;
using ContentApi.Http.Writes;
using ContentApi.Idempotency;
using ContentApi.Images;
using ContentApi.Observability;
using ContentApi.OpenApi;
using ContentApi.Rendering;
using ContentApi.Search;
using ContentApi.Tags;
using FluentValidation;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ContentApi;

/// <summary>Builds the web application: services, middleware and routes, in that order.</summary>
public static class ContentApiApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = ContentRootFolder.Choose(Directory.GetCurrentDirectory(), AppContext.BaseDirectory) });
        configure?.Invoke(builder);
        AddServices(builder);
        var app = builder.Build();
        UsePipeline(app);
        MapRoutes(app);
        return app;
    }

    private static void AddServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Every setting is checked as the app starts: a value that cannot bind or is out of range stops it with the
        // setting's name, rather than a server that looks healthy and answers 500 to the requests that read it.
        services.AddSettings<DatabaseOptions>(DatabaseOptions.Section);
        services.AddSettings<CachingOptions>(CachingOptions.Section);
        services.AddSettings<WriteOptions>(WriteOptions.Section);
        services.AddSettings<Articles.Revisions.RevisionOptions>(Articles.Revisions.RevisionOptions.Section);
        services.AddSettings<SwaggerOptions>(SwaggerOptions.Section);
        services.AddSettings<Observability.ObservabilityOptions>(Observability.ObservabilityOptions.Section);
        services.AddSettings<RequestLimitsOptions>(RequestLimitsOptions.Section);
        services.AddSettings<Http.Pipeline.CorsOptions>(Http.Pipeline.CorsOptions.Section);
        // Kestrel's own limits sit above the app's, so the app answers oversize requests with problem+json.
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // Room past the longest target allowed for the method and version around it.
            kestrel.Limits.MaxRequestLineSize = RequestLimitsOptions.LongestUrlAllowed + 64;
            kestrel.Limits.MaxRequestHeadersTotalSize = 64 * 1024;
            kestrel.Limits.MaxRequestHeaderCount = 2000;
            kestrel.Limits.MaxRequestBodySize = null;
        });

        // Unless the caller's configuration gave one (a test's clock for a command it runs in-process).
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(RenderingBuild.ThisBuild);
        // Unless the caller's configuration gave one (a command reading a database it cannot write opens it read-only).
        services.TryAddSingleton(sp => new Db(
            SqliteDialect.BuildConnectionString(
                builder.Configuration.GetConnectionString("Content") ?? "Data Source=data/content.db",
                builder.Environment.ContentRootPath,
                sp.GetRequiredService<IOptions<DatabaseOptions>>().Value),
            sp.GetRequiredService<IOptions<DatabaseOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<SqlStatementCounter>(),
            sp.GetService<IHttpContextAccessor>(),
            sp.GetService<ILogger<Db>>()));
        services.AddHttpContextAccessor();
        services.AddSingleton<SqlStatementCounter>();
        services.AddSingleton<Migrator>();
        services.AddSingleton<RenderingFloor>();
        services.AddSingleton<ListTotals>();
        services.AddSingleton<ResponseCacheStore>();
        services.AddSingleton<ReadTurns>();
        services.AddSingleton<PublicFreshness>();
        services.AddSingleton<LargeBodyTurns>();
        services.AddHostedService<MigrateOnStart>();
        services.AddHostedService<ServerLock>();
        services.AddSingleton<SearchBacklogWatch>();
        services.AddHostedService(sp => sp.GetRequiredService<SearchBacklogWatch>());
        services.AddHostedService<ScheduledGoLiveRecorder>();
        services.AddSingleton<IdempotencyStore>();
        services.AddSingleton<TagStore>();
        services.AddSingleton<DeletionStore>();
        services.AddSingleton<AuthorStore>();
        services.AddSingleton<ImageStore>();
        services.AddSingleton<ArticleStore>();
        services.AddSingleton<Articles.Revisions.ArticleRevisionStore>();
        services.AddSingleton<EarlierSlugStore>();

        services.ConfigureHttpJsonOptions(options => JsonSetup.Configure(options.SerializerOptions));
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        // Singletons: the validators hold no state, and building one compiles its rules' expression trees, which
        // FluentValidation's default (scoped) lifetime repeated on every request.
        services.AddValidatorsFromAssemblyContaining<ValidationFilter>(ServiceLifetime.Singleton, includeInternalTypes: true);
        ValidationMessages.Use();
        services.AddContentApiProblemDetails();
        services.AddApiKeyAuth();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<SearchIndexHealthCheck>("searchIndex", tags: ["ready"]);
        services.AddContentApiOpenApi();
        services.AddCors();
        services.AddSingleton<Microsoft.AspNetCore.Cors.Infrastructure.ICorsPolicyProvider, ContentApiCorsPolicyProvider>();
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            // The last two are /metrics' formats (Prometheus's text, OpenMetrics): ~500 KB a scrape uncompressed.
            options.MimeTypes = ["application/json", "application/problem+json", "text/html", "text/css", "application/javascript",
                "text/plain", "application/openmetrics-text"];
        });
        services.Replace(ServiceDescriptor.Singleton<IResponseCompressionProvider>(provider => new WildcardRespectingCompression(
            new ResponseCompressionProvider(provider, provider.GetRequiredService<IOptions<ResponseCompressionOptions>>()))));
        services.AddContentApiRateLimiting();
        services.AddContentApiProxies();
    }

    private static void UsePipeline(WebApplication app)
    {
        app.UseContentApiProxies();
        app.UseObservability();
        app.UseExceptionHandler();
        app.UseNoStoreForErrors();
        app.UseSecurityHeaders();
        app.UseResponseCompression();
        app.UseStatusCodePages();
        app.UseMiddleware<PlainOptions>();
        app.UseMiddleware<BodyReadFailureMiddleware>();
        // CORS first: a browser page can read a refusal (414, 431, 413) only if it carries the CORS headers.
        app.UseMiddleware<CorsPreflightVary>();
        app.UseMiddleware<PreflightHeaderNamesCheck>();
        app.UseCors();
        app.UseMiddleware<CorsForEveryRead>();
        app.UseMiddleware<UnsetHeaderParameters>();
        app.UseMiddleware<MethodCaseCheck>();
        app.UseMiddleware<MessageFramingCheck>();
        app.UseMiddleware<RequestLimitsMiddleware>();
        app.UseMiddleware<CanonicalPathMiddleware>();
        app.UseMiddleware<JsonBodyEncodingMiddleware>();
        app.UseContentApiSwagger();
        app.UseAuthentication();
        app.UseRejectInvalidKeys();
        app.UseRateLimiter();
        app.UseMiddleware<RequestCostMiddleware>();
        app.UseAuthorization();
        app.UseMiddleware<RouteIdCheck>();
        app.UseMiddleware<RouteSlugUtf8Check>();
        app.UseMiddleware<LargeBodyGate>();
        app.UseMiddleware<AnonymousResponseCache>();
        app.UseMiddleware<ReadGate>();
        app.UseMiddleware<JsonMediaTypeMiddleware>();
        app.UseMiddleware<IdempotencyMiddleware>();
        app.UseMiddleware<EveryBodyErrorMiddleware>();
        app.UseMiddleware<PreconditionsBeforeBodyMiddleware>();
        app.UseMiddleware<JsonSyntaxCheck>();
        app.UseMiddleware<QueryValueCheck>();
    }

    private static void MapRoutes(WebApplication app)
    {
        var api = app.MapGroup("/api/v1")
            .AddEndpointFilterFactory(UnknownQueryParameterFilter.Create)
            .AddEndpointFilter<ValidationFilter>()
            // What any request can be answered: a bad query or body, an unknown or revoked key (even on a read), the
            // request limits (RequestLimitsMiddleware), the rate limiter, a database that stays locked, a transfer coding
            // the server does not apply (MessageFramingCheck).
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status414UriTooLong)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status431RequestHeaderFieldsTooLarge)
            .ProducesProblem(StatusCodes.Status500InternalServerError)
            .ProducesProblem(StatusCodes.Status501NotImplemented)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        ((IEndpointConventionBuilder)api).Finally(QueryValueCheck.Describe);
        ((IEndpointConventionBuilder)api).Finally(CollectionRoutes.WithoutTrailingSlash);
        api.MapTags();
        api.MapAuthors();
        api.MapImages();
        api.MapArticles();
        api.MapArticleRevisions();
        api.MapArticleEarlierSlugs();
        api.MapEarlierSlugs(EarlierSlugOwner.Authors);
        api.MapEarlierSlugs(EarlierSlugOwner.Tags);
        api.MapSearch();
        api.MapDeletions();
        app.MapHealth();
        app.MapObservability();
        app.MapCeiling();
    }
}
