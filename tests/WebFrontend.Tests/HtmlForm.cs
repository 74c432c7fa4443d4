using System.Net;
using System.Text.RegularExpressions;

namespace Shop.WebFrontend.Tests;

/// <summary>A form read from a rendered page the way a browser submits it: its action and hidden fields (the
/// antiforgery token, Blazor's form name), to which a test adds what a shopper would type.</summary>
public sealed partial class HtmlForm
{
    private HtmlForm(string action, Dictionary<string, string> fields)
    {
        Action = action;
        Fields = fields;
    }

    public string Action { get; }

    public Dictionary<string, string> Fields { get; }

    /// <summary>The form whose Blazor form name (hidden <c>_handler</c>) is <paramref name="formName"/>.</summary>
    public static HtmlForm Find(string html, string formName, string pageUrl)
    {
        foreach (Match form in FormPattern().Matches(html))
        {
            var fields = HiddenInputPattern().Matches(form.Value)
                .ToDictionary(input => WebUtility.HtmlDecode(input.Groups["name"].Value), input => WebUtility.HtmlDecode(input.Groups["value"].Value));
            if (fields.GetValueOrDefault("_handler") == formName)
            {
                var action = ActionPattern().Match(form.Value);
                return new HtmlForm(action.Success ? WebUtility.HtmlDecode(action.Groups["action"].Value) : pageUrl, fields);
            }
        }

        throw new InvalidOperationException($"The page has no form named '{formName}'.");
    }

    public HtmlForm With(string name, string value)
    {
        Fields[name] = value;
        return this;
    }

    public async Task<HttpResponseMessage> SubmitAsync(HttpClient browser) =>
        await browser.PostAsync(new Uri(Action, UriKind.Relative), new FormUrlEncodedContent(Fields));

    [GeneratedRegex("<form\\b.*?</form>", RegexOptions.Singleline)]
    private static partial Regex FormPattern();

    [GeneratedRegex("<input\\b(?=[^>]*type=\"hidden\")(?=[^>]*name=\"(?<name>[^\"]*)\")(?=[^>]*value=\"(?<value>[^\"]*)\")[^>]*>")]
    private static partial Regex HiddenInputPattern();

    [GeneratedRegex("<form\\b[^>]*action=\"(?<action>[^\"]*)\"")]
    private static partial Regex ActionPattern();
}
