using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Shop.ServiceDefaults.ProblemDetails;

namespace Microsoft.Extensions.Hosting;

public static class ProblemDetailsExtensions
{
    /// <summary>Problem details for every error an HTTP API returns, malformed requests included: minimal APIs otherwise
    /// answer a query value that does not parse (<c>?pageSize=abc</c>) with an empty 400 outside Development and an
    /// exception inside it. Pair with <see cref="UseDefaultProblemDetails"/>.</summary>
    public static IServiceCollection AddDefaultProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        return services;
    }

    /// <summary>Request and response bodies through the service's source-generated <paramref name="resolver"/>, with
    /// numbers only as JSON numbers: the web defaults also read <c>"1"</c> as 1, which lets a client send what no
    /// contract describes.</summary>
    public static IServiceCollection AddStrictJson(this IServiceCollection services, IJsonTypeInfoResolver resolver) =>
        services.Configure<JsonOptions>(options =>
        {
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, resolver);
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });

    /// <summary>The error pipeline, before anything that can fail: exceptions and empty error statuses become problem
    /// details, JSON bodies in a foreign charset are refused (415), and authentication and authorization run inside
    /// both, so that their 401 and 403 answers carry problem bodies too (the framework otherwise puts them first in the
    /// pipeline, where nothing writes a body).</summary>
    public static WebApplication UseDefaultProblemDetails(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<JsonCharsetMiddleware>();
        if (app.Services.GetService<IAuthenticationSchemeProvider>() is not null)
        {
            app.UseAuthentication();
            app.UseAuthorization();
        }

        return app;
    }
}
