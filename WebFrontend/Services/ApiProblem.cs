using System.Net.Http.Json;
using System.Text.Json;

namespace Shop.WebFrontend.Services;

/// <summary>The parts of an API's problem details the frontend shows: field errors keyed by JSON path
/// (<c>payment.cardNumber</c>) and a detail line.</summary>
public sealed record ApiProblem(string? Title, string? Detail, Dictionary<string, string[]>? Errors)
{
    public string Message => Errors?.Values.SelectMany(messages => messages).FirstOrDefault()
        ?? Detail ?? Title ?? "The request was refused.";

    /// <summary>The problem in the response body, or a bare one when the body is not problem details.</summary>
    public static async Task<ApiProblem> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(WebFrontendJsonContext.Default.ApiProblem, cancellationToken)
                ?? new ApiProblem(null, null, null);
        }
        catch (JsonException)
        {
            return new ApiProblem(null, null, null);
        }
    }
}
