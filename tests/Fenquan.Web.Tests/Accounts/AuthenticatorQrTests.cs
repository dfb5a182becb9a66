using System.Net;
using System.Text.RegularExpressions;
using OtpNet;

namespace Fenquan.Web.Tests.Accounts;

/// <summary>
/// Two-factor setup shows a QR code an authenticator app can scan: the page's SVG is read back
/// module by module and decoded with ZXing, and the code it holds turns two-factor on.
/// </summary>
public sealed partial class AuthenticatorQrTests
{
    [Fact]
    [Trait("Rule", "R1")]
    public async Task TheSetupPage_ShowsAQrCodeOfTheKey_ThatAnAppCanScanAndUse()
    {
        await using var app = await WebApp.StartAsync();
        var staff = await app.SignInAsync("u1.staff1");

        var page = await staff.GetStringAsync("/account/manage/authenticator", TestContext.Current.CancellationToken);
        var svg = QrPattern().Match(page);
        Assert.True(svg.Success, "no QR code on the page");
        var scanned = Decode(svg.Groups["size"].Value, svg.Groups["path"].Value);

        var key = KeyPattern().Match(page).Groups[1].Value.Replace(" ", string.Empty, StringComparison.Ordinal);
        Assert.Equal($"otpauth://totp/Fenquan:u1.staff1?secret={key}&issuer=Fenquan&digits=6", scanned);

        // What the app read from the picture is what turns two-factor on.
        var secret = Regex.Match(scanned, "secret=([A-Z2-7]+)").Groups[1].Value;
        var code = new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp();
        var enabled = await WebApp.PostFormAsync(staff, "/account/manage/authenticator", "Enable", new() { ["Code"] = code });
        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        Assert.DoesNotContain("data-testid=\"authenticator-qr\"", await staff.GetStringAsync("/account/manage/authenticator", TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    // The SVG draws each row's runs of dark modules as "Mx yhNv1h-Nz"; drawn back at 8 pixels a module
    // with a white border, as a camera would see it, and decoded as a QR code.
    private static string Decode(string size, string path)
    {
        const int Scale = 8, Border = 4;
        var modules = int.Parse(size, System.Globalization.CultureInfo.InvariantCulture);
        var width = (modules + 2 * Border) * Scale;
        var pixels = Enumerable.Repeat((byte)255, width * width).ToArray();
        foreach (Match run in RunPattern().Matches(path))
        {
            var x0 = int.Parse(run.Groups["x"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var y = int.Parse(run.Groups["y"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var length = int.Parse(run.Groups["w"].Value, System.Globalization.CultureInfo.InvariantCulture);
            for (var x = x0; x < x0 + length; x++)
            {
                for (var dy = 0; dy < Scale; dy++)
                {
                    Array.Fill(pixels, (byte)0, (((y + Border) * Scale) + dy) * width + (x + Border) * Scale, Scale);
                }
            }
        }

        var source = new ZXing.RGBLuminanceSource(pixels, width, width, ZXing.RGBLuminanceSource.BitmapFormat.Gray8);
        var result = new ZXing.BarcodeReaderGeneric { Options = { PossibleFormats = [ZXing.BarcodeFormat.QR_CODE], TryHarder = true } }.Decode(source);
        Assert.NotNull(result);
        return result.Text;
    }

    [GeneratedRegex("data-testid=\"authenticator-qr\"[^>]*>\\s*<svg[^>]*viewBox=\"0 0 (?<size>\\d+) \\d+\"[^>]*>.*?<path[^>]*d=\"(?<path>[^\"]+)\"", RegexOptions.Singleline)]
    private static partial Regex QrPattern();

    [GeneratedRegex("M(?<x>\\d+) (?<y>\\d+)h(?<w>\\d+)v1h-\\d+z")]
    private static partial Regex RunPattern();

    [GeneratedRegex("data-testid=\"authenticator-key\">([^<]+)<")]
    private static partial Regex KeyPattern();
}
