namespace Fenquan.Core.Finance;

/// <summary>
/// The economic classification of expenditure (政府收支分类科目, 部门预算支出经济分类) a budget line is
/// keyed by: the common codes of goods and services (302xx), transfers to individuals (303xx) and
/// capital expenditure (310xx), with their names. A budget line or a claim naming a code outside
/// this list is refused (fail closed); the list grows with the classification.
/// </summary>
public static class EconomicClassification
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["30201"] = "办公费",
        ["30202"] = "印刷费",
        ["30203"] = "咨询费",
        ["30204"] = "手续费",
        ["30205"] = "水费",
        ["30206"] = "电费",
        ["30207"] = "邮电费",
        ["30208"] = "取暖费",
        ["30209"] = "物业管理费",
        ["30211"] = "差旅费",
        ["30212"] = "因公出国（境）费用",
        ["30213"] = "维修（护）费",
        ["30214"] = "租赁费",
        ["30215"] = "会议费",
        ["30216"] = "培训费",
        ["30217"] = "公务接待费",
        ["30218"] = "专用材料费",
        ["30224"] = "被装购置费",
        ["30225"] = "专用燃料费",
        ["30226"] = "劳务费",
        ["30227"] = "委托业务费",
        ["30228"] = "工会经费",
        ["30229"] = "福利费",
        ["30231"] = "公务用车运行维护费",
        ["30239"] = "其他交通费用",
        ["30240"] = "税金及附加费用",
        ["30299"] = "其他商品和服务支出",
        ["30301"] = "离休费",
        ["30302"] = "退休费",
        ["30303"] = "退职（役）费",
        ["30304"] = "抚恤金",
        ["30305"] = "生活补助",
        ["30306"] = "救济费",
        ["30307"] = "医疗费补助",
        ["30308"] = "助学金",
        ["30309"] = "奖励金",
        ["30399"] = "其他对个人和家庭的补助",
        ["31001"] = "房屋建筑物购建",
        ["31002"] = "办公设备购置",
        ["31003"] = "专用设备购置",
        ["31005"] = "基础设施建设",
        ["31006"] = "大型修缮",
        ["31007"] = "信息网络及软件购置更新",
        ["31008"] = "物资储备",
        ["31013"] = "公务用车购置",
        ["31099"] = "其他资本性支出",
    };

    /// <summary>Every known code with its name, in code order.</summary>
    public static IReadOnlyList<(string Code, string Name)> All { get; } = [.. Names.OrderBy(n => n.Key, StringComparer.Ordinal).Select(n => (n.Key, n.Value))];

    public static bool IsKnown(string? code) => code is not null && Names.ContainsKey(code);

    /// <summary>The code's name, or null when the classification has no such code.</summary>
    public static string? NameOf(string? code) => code is not null && Names.TryGetValue(code, out var name) ? name : null;

    /// <summary>公务接待费: a claim on this line is a reception in the quarterly statement (R9, R31).</summary>
    public const string Reception = "30217";
}
