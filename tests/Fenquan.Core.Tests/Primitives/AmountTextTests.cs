using FsCheck.Xunit;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Tests.Primitives;

public class AmountTextTests
{
    [Theory]
    [InlineData("3000", 3000)]
    [InlineData("3,000.00", 3000)]
    [InlineData("¥3,000", 3000)]
    [InlineData("￥3,000.5", 3000.5)]
    [InlineData("3000元", 3000)]
    [InlineData("3000元整", 3000)]
    [InlineData("人民币 12,000.00 元", 12000)]
    [InlineData("1.2万", 12000)]
    [InlineData("0.35万元", 3500)]
    [InlineData("２，５００．５０", 2500.5)]
    [InlineData("12,000.005", 12000.005)] // read as written: the rules refuse a third decimal, naming why
    [InlineData("-50", -50)] // likewise a negative amount
    public void WhatPeopleWrite_IsRead(string text, decimal expected)
    {
        Assert.True(AmountText.TryParse(text, out var yuan));
        Assert.Equal(expected, yuan);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("三千")]
    [InlineData("3,000,")]
    [InlineData(",3000")]
    [InlineData("3,,000")]
    [InlineData("1e5")]
    [InlineData("12.000.00")]
    [InlineData("¥")]
    [InlineData("万")]
    [InlineData("3000美元")]
    public void WhatIsNotAnAmount_IsNotRead(string text) => Assert.False(AmountText.TryParse(text, out _));

    [Theory]
    [InlineData(12000, "壹万贰仟元整")]
    [InlineData(1005.07, "壹仟零伍元零柒分")]
    [InlineData(1234.56, "壹仟贰佰叁拾肆元伍角陆分")]
    [InlineData(100500, "壹拾万零伍佰元整")]
    [InlineData(100000001, "壹亿零壹元整")]
    [InlineData(0.5, "伍角整")]
    [InlineData(0.07, "柒分")]
    [InlineData(0, "零元整")]
    [InlineData(10, "壹拾元整")]
    [InlineData(3000.10, "叁仟元壹角整")]
    [InlineData(999999999999.99, "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分")]
    public void Capital_IsWrittenAsFinanceOfficesWriteIt(decimal yuan, string expected) => Assert.Equal(expected, AmountText.Capital(yuan));

    // Any amount up to the largest a matter takes reads back to itself, never with two 零 in a row,
    // and ends in 整 exactly when it has no 分.
    [Property(MaxTest = 2000)]
    public bool Capital_ReadsBackToTheAmount(ulong raw)
    {
        var fen = (long)(raw % 99_999_999_999_999UL);
        var yuan = fen / 100m;
        var capital = AmountText.Capital(yuan);
        return Decode(capital) == yuan && !capital.Contains("零零", StringComparison.Ordinal)
            && capital.EndsWith('整') == (fen % 10 == 0);
    }

    /// <summary>An independent reading of capital numerals, for the property above.</summary>
    private static decimal Decode(string capital)
    {
        const string Digits = "零壹贰叁肆伍陆柒捌玖";
        decimal total = 0, section = 0, number = 0, whole = 0;
        foreach (var c in capital)
        {
            var digit = Digits.IndexOf(c, StringComparison.Ordinal);
            if (digit >= 0)
            {
                number = digit;
                continue;
            }

            switch (c)
            {
                case '拾': section += number * 10; number = 0; break;
                case '佰': section += number * 100; number = 0; break;
                case '仟': section += number * 1000; number = 0; break;
                case '万': total += (section + number) * 10_000; section = number = 0; break;
                case '亿': total = (total + section + number) * 100_000_000; section = number = 0; break;
                case '元': whole = total + section + number; total = section = number = 0; break;
                case '角': whole += number / 10; number = 0; break;
                case '分': whole += number / 100; number = 0; break;
                case '整': break;
                default: throw new FormatException($"Unexpected {c} in {capital}");
            }
        }

        return whole;
    }
}
