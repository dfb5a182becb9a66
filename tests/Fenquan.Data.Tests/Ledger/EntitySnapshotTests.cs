using Fenquan.Data.Ledger;

namespace Fenquan.Data.Tests.Ledger;

/// <summary>
/// R44 after an upgrade: a row written before a migration added a column reads back with that column
/// null, which its ledger entry never recorded — the same row; any recorded value changed, any
/// recorded member gone, or a value the ledger never saw is a difference `fenquan verify` reports.
/// </summary>
[Trait("Rule", "R44")]
public class EntitySnapshotTests
{
    private const string Recorded = """{"CountyId":"a","Id":"b","Name":"张伟"}""";

    [Fact]
    public void AColumnAddedLater_AndStillNull_IsTheSameRow() =>
        Assert.True(EntitySnapshot.SameButForAddedColumns(Recorded, """{"CountyId":"a","Id":"b","IdNumber":null,"Name":"张伟","StaffNumber":null}"""));

    [Theory]
    [InlineData("""{"CountyId":"a","Id":"b","Name":"张伟","Raised":"0.00"}""")]
    [InlineData("""{"CountyId":"a","Id":"b","Archived":false,"Count":0,"Name":"张伟","Note":""}""")]
    public void AColumnAddedLater_WithTheDefaultAMigrationGives_IsTheSameRow(string now) =>
        Assert.True(EntitySnapshot.SameButForAddedColumns(Recorded, now));

    [Theory]
    [InlineData("""{"CountyId":"a","Id":"b","IdNumber":null,"Name":"张卫","StaffNumber":null}""")]
    [InlineData("""{"CountyId":"a","Id":"b","Name":"张伟","Raised":"500.00"}""")]
    [InlineData("""{"CountyId":"a","Id":"b","Archived":true,"Name":"张伟"}""")]
    [InlineData("""{"CountyId":"a","Id":"b","Count":1,"Name":"张伟"}""")]
    [InlineData("""{"CountyId":"a","Id":"b","Name":"张伟","StaffNumber":"QH1"}""")]
    [InlineData("""{"CountyId":"a","Id":"b","StaffNumber":null}""")]
    [InlineData("""not json""")]
    public void AChangedRecordedValue_ARemovedMember_OrAnUnrecordedValue_IsADifference(string now) =>
        Assert.False(EntitySnapshot.SameButForAddedColumns(Recorded, now));
}
