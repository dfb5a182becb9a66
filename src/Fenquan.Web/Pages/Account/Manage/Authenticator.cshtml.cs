using System.Globalization;
using Fenquan.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Account.Manage;

/// <summary>Optional TOTP two-factor sign-in with an authenticator app (Identity's authenticator support).</summary>
public sealed class AuthenticatorModel(UserManager<FenquanUser> users, SignInManager<FenquanUser> signIn, IStringLocalizer<SharedResource> text) : PageModel
{
    public bool Enabled { get; private set; }

    public string SharedKey { get; private set; } = string.Empty;

    public string AuthenticatorUri { get; private set; } = string.Empty;

    public string? Error { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        // An authenticator set up in an earlier sign-in: the cookie learns of it, and a county that
        // requires two-factor sign-in lets the account through (TwoFactorRequirement).
        if (user.TwoFactorEnabled && !User.HasClaim(Access.FenquanClaims.TwoFactor, "true"))
        {
            await signIn.RefreshSignInAsync(user);
            return RedirectToPage();
        }

        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var code = (Code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            Error = text["TwoFactor.Failed"];
            await LoadAsync(user);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        await signIn.RefreshSignInAsync(user);
        Notice = text["Authenticator.NowOn"];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        Notice = text["Authenticator.NowOff"];
        return RedirectToPage();
    }

    private async Task LoadAsync(FenquanUser user)
    {
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        SharedKey = key ?? string.Empty;
        AuthenticatorUri = string.Create(CultureInfo.InvariantCulture, $"otpauth://totp/Fenquan:{Uri.EscapeDataString(user.UserName ?? string.Empty)}?secret={SharedKey}&issuer=Fenquan&digits=6");
        QrCode = Qr(AuthenticatorUri);
    }

    /// <summary>The key's otpauth URI as a QR code for an authenticator app to scan: an SVG drawn on the server (QRCoder), no script, no image request.</summary>
    public string QrCode { get; private set; } = string.Empty;

    private static string Qr(string text)
    {
        using var data = QRCoder.QRCodeGenerator.GenerateQrCode(text, QRCoder.QRCodeGenerator.ECCLevel.M);
        return new QRCoder.SvgQRCode(data).GetGraphic(4, "#000000", "#ffffff", true, QRCoder.SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
