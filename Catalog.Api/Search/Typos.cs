namespace Shop.Catalog.Api.Search;

/// <summary>How many typos a typed word may hold, and how many it does: the rule of Meilisearch and Typesense, which
/// shoppers know from search engines.</summary>
public static class Typos
{
    /// <summary>None under 5 letters (too many short words lie one edit apart), one from 5, two from 9.</summary>
    public static int Allowed(int length) => length switch
    {
        >= 9 => 2,
        >= 5 => 1,
        _ => 0,
    };

    /// <summary>The most typos a typed word of <paramref name="length"/> letters may hold, in the longest word it may
    /// mean: dropped letters count towards the length ("snthetc" is "synthetic" with two typos).</summary>
    public static int MostAllowed(int length) => Allowed(length + 2) == 2 ? 2 : Allowed(length + 1);

    /// <summary>Whether <paramref name="typed"/> may be a misspelling of <paramref name="target"/>: within the typos
    /// allowed for the longer of the two words, so that a dropped letter still counts ("bots" for "boots"); or, for a
    /// word the shopper may still be typing, within those allowed for what is typed, of a start of the target. A start
    /// typed as it is does not count: the full-text search finds it as a prefix.</summary>
    public static bool MayMean(string typed, string target, bool stillTyping) => stillTyping
        ? !target.StartsWith(typed, StringComparison.Ordinal) && (IsWholeWordTypo(typed, target) || Distance(typed, target, prefix: true) <= Allowed(typed.Length))
        : IsWholeWordTypo(typed, target);

    private static bool IsWholeWordTypo(string typed, string target) =>
        Distance(typed, target, prefix: false) <= Allowed(Math.Max(typed.Length, target.Length));

    /// <summary>The optimal string alignment distance: insertions, deletions, substitutions and transpositions of
    /// neighbours, one typo each (Damerau–Levenshtein, with no letter edited twice, as typos come). With
    /// <paramref name="prefix"/>, the distance to the closest start of <paramref name="target"/>: the shopper may
    /// still be typing it.</summary>
    public static int Distance(string typed, string target, bool prefix)
    {
        // Three rows of the edit-distance table: the one before last for transpositions.
        var beforeLast = new int[target.Length + 1];
        var last = new int[target.Length + 1];
        var row = new int[target.Length + 1];
        for (var j = 0; j <= target.Length; j++)
        {
            row[j] = j;
        }

        for (var i = 1; i <= typed.Length; i++)
        {
            (beforeLast, last, row) = (last, row, beforeLast);
            row[0] = i;
            for (var j = 1; j <= target.Length; j++)
            {
                var substitution = typed[i - 1] == target[j - 1] ? 0 : 1;
                row[j] = Math.Min(Math.Min(last[j] + 1, row[j - 1] + 1), last[j - 1] + substitution);
                if (i > 1 && j > 1 && typed[i - 1] == target[j - 2] && typed[i - 2] == target[j - 1])
                {
                    row[j] = Math.Min(row[j], beforeLast[j - 2] + 1);
                }
            }
        }

        return prefix ? row.Min() : row[target.Length];
    }
}
