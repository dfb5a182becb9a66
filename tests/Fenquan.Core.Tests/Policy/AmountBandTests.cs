using Fenquan.Core.Policy;

namespace Fenquan.Core.Tests.Policy;

public class AmountBandTests
{
    private static readonly UnitLimits Limits = new(3_000m, 2_000m, 5_000m);

    [Theory]
    [InlineData("3000.00", true)]
    [InlineData("3000.01", false)]
    [InlineData("0.01", true)]
    public void UpToS_IncludesTheLimitItself(string amount, bool expected)
    {
        var band = new AmountBand(null, LimitRef.Of(LimitName.SmallExpense));
        Assert.Equal(expected, band.Contains(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), Limits));
    }
}
