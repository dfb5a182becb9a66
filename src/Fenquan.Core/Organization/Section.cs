using Fenquan.Core.Primitives;

namespace Fenquan.Core.Organization;

/// <summary>股室 / 科室: a section of a unit, which proposes purchases and hires (R1). A membership may name one.</summary>
public sealed class Section
{
    public const int MaxName = 100;

    private Section()
    {
        Name = string.Empty;
    }

    public Section(Guid id, CountyId countyId, UnitId unitId, string name)
    {
        Id = id;
        CountyId = countyId;
        UnitId = unitId;
        Name = name;
    }

    public Guid Id { get; private set; }

    public CountyId CountyId { get; private set; }

    public UnitId UnitId { get; private set; }

    public string Name { get; private set; }
}
