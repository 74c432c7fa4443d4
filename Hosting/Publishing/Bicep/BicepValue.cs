using System.Globalization;
using System.Text;

namespace Shop.Hosting.Publishing.Bicep;

/// <summary>A Bicep value: the right-hand side of a property or a declaration.</summary>
public abstract class BicepValue
{
    internal abstract void WriteTo(BicepWriter writer);

    public static implicit operator BicepValue(string text) => FromText(text);

    public static implicit operator BicepValue(int number) => FromNumber(number);

    public static implicit operator BicepValue(bool flag) => FromBoolean(flag);

    public static BicepValue FromText(string text) => new BicepString(text);

    public static BicepValue FromNumber(int number) => new BicepExpression(number.ToString(CultureInfo.InvariantCulture));

    public static BicepValue FromBoolean(bool flag) => new BicepExpression(flag ? "true" : "false");

    /// <summary>The body of a single-quoted Bicep string: quotes, backslashes, line breaks and <c>${</c> escaped.</summary>
    internal static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            escaped.Append(text[i] switch
            {
                '\\' => @"\\",
                '\'' => @"\'",
                '\n' => @"\n",
                '\r' => @"\r",
                '\t' => @"\t",
                '$' when i + 1 < text.Length && text[i + 1] == '{' => @"\$",
                var c => c.ToString(),
            });
        }

        return escaped.ToString();
    }
}

/// <summary>A literal string, written quoted and escaped.</summary>
public sealed class BicepString(string text) : BicepValue
{
    public string Text { get; } = text;

    internal override void WriteTo(BicepWriter writer) => writer.Write($"'{Escape(Text)}'");
}

/// <summary>Bicep source written as it is: a symbol, a member access, a function call, an interpolated string.</summary>
public sealed class BicepExpression(string text) : BicepValue
{
    public string Text { get; } = text;

    public BicepExpression Member(string name) => new($"{Text}.{name}");

    /// <summary>An interpolated string: literal parts are escaped, expression parts are inserted as <c>${…}</c>.</summary>
    public static BicepExpression Interpolate(params BicepValue[] parts)
    {
        var text = new StringBuilder("'");
        foreach (var part in parts)
        {
            text.Append(part switch
            {
                BicepString literal => Escape(literal.Text),
                BicepExpression expression => $"${{{expression.Text}}}",
                _ => throw new ArgumentException("Only strings and expressions can be interpolated.", nameof(parts)),
            });
        }

        return new BicepExpression(text.Append('\'').ToString());
    }

    internal override void WriteTo(BicepWriter writer) => writer.Write(Text);

    public override string ToString() => Text;
}
