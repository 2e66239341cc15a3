using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;

namespace ContentApi.OpenApi;

public static class OpenApiSetup
{
    public const string DocumentName = "v1";
    public const string BearerScheme = "bearer";

    public static IServiceCollection AddContentApiOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "ContentApi",
                Version = "v1",
                Description = ApiDescription.Text,
            });
            options.AddSecurityDefinition(BearerScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "API key",
                Description = "An API key made with `keys create --name NAME --scope read|write|admin`, sent as `Authorization: Bearer KEY`.",
            });
            options.SupportNonNullableReferenceTypes();
            options.IncludeXmlComments(typeof(OpenApiSetup).Assembly);
            // Every GET answers HEAD as well (EndpointConventions.ReadMethods); HTTP implies it, so it is not listed.
            options.DocInclusionPredicate((document, api) => !HttpMethods.IsHead(api.HttpMethod ?? "") && (api.GroupName is null || api.GroupName == document));
            options.CustomOperationIds(d => d.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName);
            options.SchemaFilter<SchemaOfSchemaFilter>();
            options.SchemaFilter<RequiredPropertiesSchemaFilter>();
            options.SchemaFilter<ProblemDetailsSchemaFilter>();
            options.SchemaFilter<ValidationRulesSchemaFilter>();
            options.SchemaFilter<VersionSchemaFilter>();
            options.SchemaFilter<ExtensibleEnumSchemaFilter>();
            options.OperationFilter<SecurityOperationFilter>();
            options.OperationFilter<ParameterDescriptionOperationFilter>();
            options.OperationFilter<MergePatchOperationFilter>();
            options.OperationFilter<HttpHeadersOperationFilter>();
            options.OperationFilter<ProblemResponseDescriptionsOperationFilter>();
            options.OperationFilter<ResponseOrderOperationFilter>();
            options.DocumentFilter<ProblemInheritanceDocumentFilter>();
            options.DocumentFilter<OpenResponseSchemasDocumentFilter>();
        });
        return services;
    }

    public static void UseContentApiSwagger(this WebApplication app)
    {
        app.UseMiddleware<OpenApiDocumentCaching>();
        app.UseSwagger(options =>
        {
            options.RouteTemplate = "openapi/{documentName}.json";
            // Pinned, so that a package upgrade cannot change the contract's version quietly.
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_0;
        });
        if (app.Services.GetRequiredService<IOptions<SwaggerOptions>>().Value.UiEnabled)
        {
            app.Use(CacheUiRedirectAsTheApiDoes);
            app.UseSwaggerUI(options =>
            {
                options.RoutePrefix = "swagger";
                options.SwaggerEndpoint($"/openapi/{DocumentName}.json", "ContentApi v1");
                options.DocumentTitle = "ContentApi";
            });
        }
    }

    /// <summary>Swagger UI's 301 from /swagger to its page says nothing of caching: it gets what the API's own 301s get.</summary>
    private static Task CacheUiRedirectAsTheApiDoes(HttpContext context, RequestDelegate next)
    {
        if (context.Request.Path.StartsWithSegments("/swagger"))
        {
            context.Response.OnStarting(static state =>
            {
                var response = (HttpResponse)state;
                if (response.StatusCode == StatusCodes.Status301MovedPermanently && !response.Headers.ContainsKey(HeaderNames.CacheControl))
                {
                    response.Headers.CacheControl = Http.Caching.MovedPermanentlyResult.CacheControl;
                }
                return Task.CompletedTask;
            }, context.Response);
        }
        return next(context);
    }
}
