namespace Fenquan.Web.Tests.Browser.Sweep;

/// <summary>The ids of the demo data the sweep's addresses need, found on the list pages that show them.</summary>
public sealed record SweepIds
{
    public required Guid County { get; init; }

    /// <summary>An approval item's code in the county's public register.</summary>
    public required string ItemCode { get; init; }

    /// <summary>A matter of 城关镇 from the demo history.</summary>
    public required Guid Matter { get; init; }

    /// <summary>A matter the section head submitted during set-up (he may edit it).</summary>
    public required Guid OwnMatter { get; init; }

    public required Guid Meeting { get; init; }

    public required Guid Construction { get; init; }

    /// <summary>A citizen's application to 城关镇, made on the public form during set-up.</summary>
    public required Guid Application { get; init; }

    /// <summary>A complaint the discipline member of 城关镇 entered during set-up.</summary>
    public required Guid Complaint { get; init; }

}
