namespace Fenquan.Web;

/// <summary>The marker type of the finance pages' resource files (Resources/FinanceResource*.resx).</summary>
public sealed class FinanceResource;
