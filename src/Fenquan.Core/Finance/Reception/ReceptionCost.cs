namespace Fenquan.Core.Finance.Reception;

/// <summary>What a reception claim's line pays for (R31): a working meal, a night's accommodation, or something else (local transport, a venue).</summary>
public enum ReceptionCost
{
    Meal,
    Accommodation,
    Other,
}
