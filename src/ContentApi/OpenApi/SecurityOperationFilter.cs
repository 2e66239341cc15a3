using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ContentApi.OpenApi;

/// <summary>Marks operations that need a key with the bearer scheme, naming the scope they need.</summary>
public sealed class SecurityOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        var policy = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).FirstOrDefault(p => p is not null);
        var reference = new OpenApiSecuritySchemeReference(OpenApiSetup.BearerScheme, context.Document);
        if (policy is null)
        {
            // Reads: anonymous for published content; a key unlocks drafts and private fields.
            operation.Security = [new OpenApiSecurityRequirement(), new OpenApiSecurityRequirement { [reference] = [] }];
            return;
        }
        operation.Security = [new OpenApiSecurityRequirement { [reference] = [] }];
        operation.Description = ((operation.Description ?? "") + $"\n\nNeeds a key with the `{policy}` scope.").Trim();
    }
}
