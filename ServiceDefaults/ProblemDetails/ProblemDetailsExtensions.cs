using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Shop.ServiceDefaults.ProblemDetails;

namespace Microsoft.Extensions.Hosting;

public static class ProblemDetailsExtensions
{
    /// <summary>Problem details for every error an HTTP API returns, malformed requests included: minimal APIs otherwise
    /// answer a query value that does not parse (<c>?pageSize=abc</c>) with an empty 400 outside Development and an
    /// exception inside it. Pair with <c>app.UseExceptionHandler()</c> and <c>app.UseStatusCodePages()</c>.</summary>
    public static IServiceCollection AddDefaultProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        return services;
    }
}
