namespace Fenquan.Web;

/// <summary>The marker type of the construction pages' resource files (Resources/ConstructionResource*.resx, R19–R22).</summary>
public sealed class ConstructionResource;
