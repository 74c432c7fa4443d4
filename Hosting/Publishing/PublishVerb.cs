namespace Shop.Hosting.Publishing;

/// <summary>The app host's <c>publish [--output DIR]</c> verb in Aspire's own terms, <c>--operation publish --step
/// publish [--output-path DIR]</c>: the app host builds its model in publish mode and runs Aspire's publish pipeline,
/// the same as under <c>aspire publish</c>. It must reach the builder, as the mode is fixed when it is created.</summary>
public static class PublishVerb
{
    public static string[] Expand(string[] args)
    {
        if (args is not ["publish", .. var options])
        {
            return args;
        }

        List<string> expanded = ["--operation", "publish", "--step", "publish"];
        for (var i = 0; i < options.Length; i++)
        {
            if (options[i] is not ("--output" or "-o"))
            {
                expanded.Add(options[i]);
            }
            else if (i + 1 < options.Length)
            {
                expanded.AddRange(["--output-path", options[++i]]);
            }
            else
            {
                throw new ArgumentException("--output needs a folder: publish --output DIR");
            }
        }

        return [.. expanded];
    }
}
