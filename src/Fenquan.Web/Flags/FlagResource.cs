namespace Fenquan.Web;

/// <summary>The marker type of the red-flag pages' resource files (Resources/FlagResource*.resx, R47).</summary>
public sealed class FlagResource;
