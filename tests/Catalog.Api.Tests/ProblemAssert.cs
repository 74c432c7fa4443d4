using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Shop.Catalog.Api.Tests;

internal static class ProblemAssert
{
    /// <summary>Asserts a problem response with the status, and returns its body.</summary>
    public static async Task<JsonElement> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Asserts a 400 problem that names the parameter: as a validation error key, or in its detail.</summary>
    public static async Task NamesAsync(HttpResponseMessage response, string parameter)
    {
        var problem = await IsProblemAsync(response, HttpStatusCode.BadRequest);
        var named = problem.TryGetProperty("errors", out var errors)
            ? errors.EnumerateObject().Any(error => error.Name == parameter)
            : problem.GetProperty("detail").GetString()!.Contains(parameter, StringComparison.OrdinalIgnoreCase);
        Assert.True(named, $"The problem should name '{parameter}': {problem}");
    }
}
