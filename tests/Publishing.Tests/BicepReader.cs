using System.Text;

namespace Shop.Publishing.Tests;

/// <summary>Parses the subset of Bicep the publisher writes (declarations with decorators; multi-line objects and
/// arrays; loops; one-line expressions) and fails on anything unbalanced or out of place. No Bicep compiler is
/// available here, so this is what stands between a typo and `azd up`.</summary>
public sealed class BicepReader(string text)
{
    private static readonly string[] _keywords = ["targetScope", "param", "var", "resource", "module", "output"];
    private readonly BicepCursor _cursor = new(text);

    public static IReadOnlyList<BicepDeclaration> Parse(string text) => new BicepReader(text).ReadFile();

    /// <summary>The text without comments and with the literal parts of strings removed (interpolations kept), so
    /// a search for a symbol finds only real references.</summary>
    public static string CodeOnly(string text)
    {
        var code = new StringBuilder(text.Length);
        var cursor = new BicepCursor(text);
        while (!cursor.AtEnd)
        {
            if (cursor.Current == '/' && cursor.Peek(1) == '/')
            {
                cursor.SkipComment();
            }
            else if (cursor.Current == '\'')
            {
                cursor.SkipString(code);
            }
            else
            {
                code.Append(cursor.Current);
                cursor.Advance();
            }
        }

        return code.ToString();
    }

    private List<BicepDeclaration> ReadFile()
    {
        var declarations = new List<BicepDeclaration>();
        var decorators = new List<string>();
        while (_cursor.SkipBlankAndComments())
        {
            if (_cursor.Current == '@')
            {
                var start = _cursor.Position;
                _cursor.SkipBalancedToLineEnd();
                decorators.Add(text[start.._cursor.Position].Trim());
                continue;
            }

            var keyword = _cursor.ReadWord();
            if (!_keywords.Contains(keyword))
            {
                throw _cursor.Error($"unexpected '{keyword}'");
            }

            declarations.Add(ReadDeclaration(keyword, decorators));
            decorators = [];
        }

        return decorators.Count == 0 ? declarations : throw _cursor.Error("decorators without a declaration");
    }

    private BicepDeclaration ReadDeclaration(string keyword, List<string> decorators)
    {
        if (keyword == "targetScope")
        {
            _cursor.Expect('=');
            return new(keyword, keyword, null, false, decorators, ReadValue());
        }

        var name = _cursor.ReadWord();
        var typeOrPath = keyword switch
        {
            "resource" or "module" => _cursor.ReadStringLiteral(),
            "param" or "output" => _cursor.ReadWord(),
            _ => null,
        };
        var existing = keyword == "resource" && _cursor.TryRead("existing");
        _cursor.SkipSpaces();
        if (keyword == "param" && (_cursor.AtEnd || _cursor.Current == '\n'))
        {
            return new(keyword, name, typeOrPath, false, decorators, null);
        }

        _cursor.Expect('=');
        return new(keyword, name, typeOrPath, existing, decorators, ReadValue());
    }

    private BicepNode ReadValue()
    {
        _cursor.SkipSpaces();
        if (_cursor.Current == '{')
        {
            return ReadObject();
        }

        if (_cursor.Current == '[' && text.AsSpan(_cursor.Position).StartsWith("[for "))
        {
            var colon = text.IndexOf(':', _cursor.Position);
            var header = text[(_cursor.Position + "[for ".Length)..colon];
            _cursor.MoveTo(colon + 1);
            var body = ReadValue();
            _cursor.Expect(']');
            return new BicepLoopNode(header, body);
        }

        if (_cursor.Current == '[')
        {
            return new BicepArrayNode(ReadLines('[', ']', () => ReadValue()));
        }

        var start = _cursor.Position;
        _cursor.SkipBalancedToLineEnd();
        var source = text[start.._cursor.Position].Trim();
        return source.Length > 0 ? new BicepScalarNode(source) : throw _cursor.Error("missing value");
    }

    private BicepObjectNode ReadObject()
    {
        var keys = new HashSet<string>();
        return new BicepObjectNode(ReadLines('{', '}', () =>
        {
            var key = _cursor.Current == '\'' ? _cursor.ReadStringLiteral() : _cursor.ReadWord();
            if (!keys.Add(key))
            {
                throw _cursor.Error($"property '{key}' twice");
            }

            _cursor.Expect(':');
            return new KeyValuePair<string, BicepNode>(key, ReadValue());
        }));
    }

    /// <summary>An object or array body: empty on one line, else one entry per line until the closing bracket.</summary>
    private List<T> ReadLines<T>(char open, char close, Func<T> readEntry)
    {
        _cursor.Expect(open);
        var entries = new List<T>();
        if (_cursor.TryRead(close.ToString()))
        {
            return entries;
        }

        _cursor.ExpectLineEnd();
        while (true)
        {
            if (!_cursor.SkipBlankAndComments())
            {
                throw _cursor.Error($"unclosed '{open}'");
            }

            if (_cursor.TryRead(close.ToString()))
            {
                return entries;
            }

            entries.Add(readEntry());
            _cursor.ExpectLineEnd();
        }
    }
}
