namespace Shop.Publishing.Tests;

/// <summary>The offline Bicep check must itself catch what it is there to catch.</summary>
public sealed class BicepReaderTests
{
    [Theory]
    [InlineData("var a = {\n  b: 'c'\n", "unclosed object")]
    [InlineData("var a = [\n  'b'\n", "unclosed array")]
    [InlineData("var a = 'b\n", "unclosed string")]
    [InlineData("var a = '${b'\n", "unclosed interpolation")]
    [InlineData("var a = f(b))\n", "extra parenthesis")]
    [InlineData("var a = {\n  b: 1\n  b: 2\n}\n", "duplicate property")]
    [InlineData("@secure()\n", "decorator without declaration")]
    [InlineData("parameter a string\n", "unknown keyword")]
    public void Malformed_Bicep_is_rejected(string text, string what) =>
        Assert.True(Throws(text), $"A {what} went through.");

    [Fact]
    public void Declarations_objects_and_interpolations_are_read()
    {
        var declarations = BicepReader.Parse("""
            // header
            @secure()
            param secret string

            resource app 'Microsoft.App/containerApps@2024-03-01' existing = {
              name: 'x-${secret}'
              'azd-env-name': union(tags, { 'a': 'b' })
              list: [
                {
                  c: true
                }
              ]
            }
            """);

        var parameter = declarations[0];
        Assert.True(parameter.IsSecure);
        Assert.Null(parameter.Value);
        var app = declarations[1];
        Assert.True(app.Existing);
        Assert.Equal("Microsoft.App/containerApps@2024-03-01", app.TypeOrPath);
        Assert.Equal("'x-${secret}'", app.Value!["name"].Text);
        Assert.Equal("union(tags, { 'a': 'b' })", app.Value["azd-env-name"].Text);
        Assert.Equal("true", app.Value["list"].Items[0]["c"].Text);
    }

    [Fact]
    public void Code_keeps_interpolations_and_drops_literal_text_and_comments()
    {
        var code = BicepReader.CodeOnly("var a = 'location ${b} tags' // location\n");

        Assert.DoesNotContain("location", code, StringComparison.Ordinal);
        Assert.Contains(" b ", code, StringComparison.Ordinal);
    }

    private static bool Throws(string text)
    {
        try
        {
            BicepReader.Parse(text);
            return false;
        }
        catch (FormatException)
        {
            return true;
        }
    }
}
