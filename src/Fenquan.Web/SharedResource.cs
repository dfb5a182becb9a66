namespace Fenquan.Web;

/// <summary>The marker type of the shared resource files (Resources/SharedResource*.resx).</summary>
public sealed class SharedResource;
