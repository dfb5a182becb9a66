namespace Fenquan.Web;

/// <summary>The marker type of the site's own pages' resource files (Resources/SiteResource*.resx): error pages, limits.</summary>
public sealed class SiteResource;
