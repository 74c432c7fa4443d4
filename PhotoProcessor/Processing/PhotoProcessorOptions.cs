using System.ComponentModel.DataAnnotations;

namespace Shop.PhotoProcessor.Processing;

/// <summary>Section <c>PhotoProcessor</c>.</summary>
public sealed class PhotoProcessorOptions
{
    public const string SectionName = "PhotoProcessor";

    /// <summary>How long a received event stays invisible to other receivers. A processor killed while it holds one
    /// leaves it to reappear after this; it must exceed the slowest photo's processing.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long to wait before asking an empty queue again.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan IdlePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Deliveries after which an event that keeps failing is given up, and its photo rejected.</summary>
    [Range(1, 100)]
    public int MaxDeliveries { get; set; } = 5;
}
