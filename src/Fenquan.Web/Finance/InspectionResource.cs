namespace Fenquan.Web;

/// <summary>The marker type of the voucher inspection pages' resource files (Resources/InspectionResource*.resx).</summary>
public sealed class InspectionResource;
