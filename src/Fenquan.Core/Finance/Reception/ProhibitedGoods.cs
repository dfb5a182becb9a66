namespace Fenquan.Core.Finance.Reception;

/// <summary>
/// What no official reception pays for (R31): alcohol, cigarettes, gifts and entertainment, found in
/// the words of an invoice's goods lines and a line's category. "酒" alone counts once the names of
/// places that only sound like it (酒店, 酒楼, 酒家: hotels and restaurants) are taken out.
/// </summary>
public static class ProhibitedGoods
{
    private static readonly string[] Places = ["酒店", "酒楼", "酒家"];

    private static readonly string[] Words =
    [
        "白酒", "啤酒", "红酒", "黄酒", "葡萄酒", "洋酒", "酒水", "茅台", "五粮液", "剑南春", "泸州老窖", "汾酒", "郎酒", "威士忌", "白兰地", "香槟",
        "香烟", "卷烟", "烟草", "烟酒", "中华烟", "雪茄",
        "礼品", "礼盒", "礼券", "购物卡", "提货券", "纪念品", "土特产", "特产",
        "KTV", "歌厅", "歌舞", "卡拉OK", "洗浴", "足浴", "桑拿", "按摩", "会所", "夜总会", "高尔夫", "棋牌", "娱乐", "旅游", "景区门票",
        "酒",
    ];

    /// <summary>The first prohibited word in <paramref name="text"/>, or null.</summary>
    public static string? Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var plain = text.ToUpperInvariant();
        foreach (var place in Places)
        {
            plain = plain.Replace(place, "□□", StringComparison.Ordinal);
        }

        return Words.FirstOrDefault(w => plain.Contains(w, StringComparison.Ordinal));
    }
}
