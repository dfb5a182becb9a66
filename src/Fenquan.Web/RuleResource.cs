namespace Fenquan.Web;

/// <summary>The marker type of Resources/RuleResource*.resx: each rule of SPEC.md explained in plain words, in Chinese and English.</summary>
public sealed class RuleResource;
