using System.Globalization;
using System.Threading.RateLimiting;
using Fenquan.Data.Operations;
using Fenquan.Data.Storage;
using Fenquan.Web.Access;
using Fenquan.Web.Accounts;
using Fenquan.Web.Api;
using Fenquan.Web.Attachments;
using Fenquan.Web.Delegations;
using Fenquan.Web.Matters;
using Fenquan.Web.Ocds;
using Fenquan.Web.Transparency;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace Fenquan.Web.Hosting;

/// <summary>Builds the web application: the store, sign-in, pages, the JSON API and the security middleware.</summary>
public static class FenquanWeb
{
    public const string SignInPolicy = "sign-in";

    public const string IntakePolicy = "intake";

    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];

    /// <summary>Builds the application from command-line arguments (<c>--data</c>, <c>--db</c>, <c>--no-demo</c>, <c>--urls</c>).</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = Translate(args), ApplicationName = typeof(FenquanWeb).Assembly.GetName().Name });

        // ASP.NET Core logs every request twice and EF Core every command at Information: a console
        // write each, which under load cost more than the action itself (measured with a profiler).
        // Warnings only by default; the first source, so appsettings, Logging__LogLevel__* variables
        // and --Logging:LogLevel:* arguments still override it.
        builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
                ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
            },
        });
        // wwwroot from the project folder when run from the build output (dotnet run, tests); a no-op when published.
        builder.WebHost.UseStaticWebAssets();
        configure?.Invoke(builder);
        ConfigureServices(builder);
        var app = builder.Build();
        Configure(app);
        return app;
    }

    // The same switches as the `fenquan` command: --data DIR, --db CONNECTION, --no-demo.
    private static string[] Translate(string[] args)
    {
        // No watching of the content root for changed settings files: its recursive file watcher also
        // saw every write to a data folder under it (./data by default), that is every commit.
        var result = new List<string> { "--hostBuilder:reloadConfigOnChange=false" };
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--no-demo":
                    result.Add("--Fenquan:SeedDemo=false");
                    break;
                case "--data" when i + 1 < args.Length:
                    result.Add("--Fenquan:Data=" + args[++i]);
                    break;
                case "--db" when i + 1 < args.Length:
                    result.Add("--Fenquan:Db=" + args[++i]);
                    break;
                case "--keys" when i + 1 < args.Length:
                    result.Add("--Fenquan:Keys=" + args[++i]);
                    break;
                case "--key-passphrase-file" when i + 1 < args.Length:
                    result.Add("--Fenquan:KeyPassphraseFile=" + args[++i]);
                    break;
                default:
                    result.Add(args[i]);
                    break;
            }
        }

        return [.. result];
    }

    public static void ConfigureServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<FenquanOptions>(builder.Configuration.GetSection(FenquanOptions.Section));
        var options = builder.Configuration.GetSection(FenquanOptions.Section).Get<FenquanOptions>() ?? new FenquanOptions();
        var data = DataDirectory.Resolve(options.Data);
        var database = DatabaseSettings.Resolve(data, options.Db);
        var keys = KeyDirectory.Resolve(data, options.Keys, options.KeyPassphraseFile);

        // The keys behind sign-in cookies and antiforgery tokens: in the key folder (mode 700), each
        // encrypted at rest with a certificate that is itself encrypted with the key passphrase.
        var protection = Fenquan.Data.Storage.SigningKeyStore.LoadOrCreateDataProtectionCertificate(keys, MicrosecondTimeProvider.Instance.GetUtcNow());
        services.AddDataProtection()
            .PersistKeysToFileSystem(Directory.CreateDirectory(keys.DataProtectionFolder))
            .ProtectKeysWithCertificate(protection)
            .UnprotectKeysWithAnyCertificate(protection)
            .SetApplicationName("Fenquan");
        // A clock registered before (a test's fake clock, through Build's configure) is kept.
        Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddSingleton<TimeProvider>(services, MicrosecondTimeProvider.Instance);
        services.AddSingleton<Clock>();
        services.AddSingleton(sp => FenquanStore.OpenAsync(data, database, sp.GetRequiredService<TimeProvider>(), keys: keys).GetAwaiter().GetResult());
        services.AddSingleton(sp => new MatterOperations(sp.GetRequiredService<FenquanStore>().Writer, options.FlagSettings()));
        services.AddSingleton(sp => new FlagOperations(sp.GetRequiredService<FenquanStore>().Writer));
        services.AddSingleton(sp => new OrganizationOperations(sp.GetRequiredService<FenquanStore>().Writer));
        services.AddSingleton(sp => new PolicyOperations(sp.GetRequiredService<FenquanStore>().Writer));
        services.AddSingleton(sp => new AttachmentOperations(sp.GetRequiredService<FenquanStore>().Writer, new AttachmentStore(sp.GetRequiredService<FenquanStore>().Data)));
        services.AddSingleton(sp => new DelegationOperations(sp.GetRequiredService<FenquanStore>().Writer));
        services.AddSingleton(sp => new CountyChangeOperations(sp.GetRequiredService<FenquanStore>().Writer));
        services.AddSingleton(sp => new AdministratorOperations(sp.GetRequiredService<FenquanStore>().Writer));
        services.AddScoped<AdministratorService>();
        services.AddSingleton(sp => new CounterpartyOperations(sp.GetRequiredService<FenquanStore>().Writer));
        services.AddSingleton(sp => new PaymentOperations(sp.GetRequiredService<FenquanStore>().Writer));
        services.AddSingleton(sp => new PurchaseOperations(sp.GetRequiredService<FenquanStore>().Writer));
        services.AddSingleton(sp => new BudgetOperations(sp.GetRequiredService<FenquanStore>().Writer));
        services.AddSingleton(sp => new StatementOperations(sp.GetRequiredService<FenquanStore>().Writer));
        services.AddSingleton(sp => new ApiTokenOperations(sp.GetRequiredService<FenquanStore>().Writer, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<SignInLedger>();
        services.AddSingleton<StartupReport>();
        services.AddSingleton<Setup.SetupGate>();
        services.AddHostedService<StartupTasks>();
        services.AddHostedService<AdministratorFlagsAtStart>();
        services.AddHostedService<OverdueSignatureReporter>();
        services.AddHostedService<StepLimitReporter>();
        services.AddHostedService<AnsweredNoticeTidy>();
        services.AddSingleton<Notifications.WebhookSender>();
        services.AddHostedService(sp => sp.GetRequiredService<Notifications.WebhookSender>());
        services.AddSingleton(sp => new WitnessHub(sp.GetRequiredService<FenquanStore>(), options.SeedDemo, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<WitnessPusher>();
        services.AddHostedService(sp => sp.GetRequiredService<WitnessPusher>());
        services.AddHostedService<TileCatchUp>();
        services.AddScoped<TransparencyService>();
        services.AddScoped<DbSession>();
        services.AddScoped<ViewerAccessor>();
        services.AddSingleton<ViewerCache>();
        services.AddSingleton<Data.Queries.PendingMattersCache>();
        services.AddSingleton<Data.Queries.ILocalDays>(provider => provider.GetRequiredService<Clock>());
        services.AddSingleton<Data.Queries.TaskQueries>();
        services.AddSingleton<Data.Queries.HomeFiguresCache>();
        services.AddScoped<MatterService>();
        services.AddScoped<Pages.Meetings.MeetingService>();
        services.AddScoped<Policy.PolicyService>();
        services.AddScoped<AttachmentService>();
        services.AddScoped<DelegationService>();
        services.AddScoped<Registers.CountyDataService>();
        services.AddScoped<FirstSignInCodes>();
        services.AddSingleton<TwoFactorRequirement>();
        services.AddScoped<Registers.CounterpartyService>();
        services.AddScoped<Public.PublicRegisterService>();
        services.AddSingleton(sp => new ApplicationOperations(sp.GetRequiredService<FenquanStore>().Writer, new AttachmentStore(sp.GetRequiredService<FenquanStore>().Data)));
        services.AddSingleton(sp => new ComplaintOperations(sp.GetRequiredService<FenquanStore>().Writer));
        services.AddSingleton<Core.Licensing.IIdentityVerifier, Citizens.OfflineIdentityVerifier>();
        services.AddScoped<Citizens.ApplicationService>();
        services.AddScoped<Citizens.ComplaintService>();
        services.AddHostedService<Citizens.RedCardReporter>();
        services.AddScoped<Finance.PaymentService>();
        services.AddScoped<Procurement.PurchaseService>();
        services.AddScoped<Flags.FlagService>();
        services.AddScoped<Finance.BudgetService>();
        services.AddScoped<Finance.ReceptionService>();
        services.AddScoped<Construction.ConstructionService>();
        services.AddSingleton(sp => new ConstructionOperations(sp.GetRequiredService<FenquanStore>().Writer, sp.GetRequiredService<MatterOperations>(), options.ConstructionSettings()));
        services.AddSingleton(sp => new ReceptionOperations(sp.GetRequiredService<FenquanStore>().Writer));
        services.AddScoped<Finance.StatementService>();
        services.AddSingleton(sp => new InspectionOperations(sp.GetRequiredService<FenquanStore>().Writer));
        services.Configure<Finance.InspectionOptions>(builder.Configuration.GetSection(Finance.InspectionOptions.Section));
        services.AddScoped<Finance.InspectionService>();
        services.AddSingleton(sp => new OrganizationImportOperations(sp.GetRequiredService<FenquanStore>().Writer));
        services.AddScoped<Import.ImportService>();
        services.AddHttpContextAccessor();

        // Identity: hashed passwords, lockout, optional TOTP (authenticator) two-factor.
        services.AddScoped<AccountsDbContext>(_ => AccountsDbContext.Create(database));
        services.AddIdentity<FenquanUser, IdentityRole>(identity =>
            {
                identity.Password.RequiredLength = 10;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Lockout.MaxFailedAccessAttempts = Math.Max(1, options.LockoutAttempts);
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(Math.Max(1, options.LockoutMinutes));
                identity.Lockout.AllowedForNewUsers = true;
                identity.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<AccountsDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<FenquanClaimsFactory>();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/account/signin";
            cookie.LogoutPath = "/account/signout";
            cookie.AccessDeniedPath = "/account/denied";
            cookie.Cookie.Name = "fenquan.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.Events.OnValidatePrincipal = ValidateStampWhenDue;
            cookie.Events.OnRedirectToLogin = context => ApiAware(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => ApiAware(context, StatusCodes.Status403Forbidden);
        });

        // Runs after the framework's own post-configuration, which makes the default ticket format.
        services.PostConfigure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, cookie =>
            cookie.TicketDataFormat = new KeptTicketFormat(cookie.TicketDataFormat, cookie.TimeProvider ?? TimeProvider.System));

        // The API accepts the browser's cookie, or a bearer token (scoped API tokens plug in behind IApiTokenValidator).
        services.AddAuthentication()
            .AddPolicyScheme(ApiAuthentication.Scheme, "Cookie or bearer token", policy =>
                policy.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? ApiAuthentication.BearerScheme
                        : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(ApiAuthentication.BearerScheme, null);
        services.AddSingleton<IApiTokenValidator, ApiTokenValidator>();
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(ApiAuthentication.Policy, policy => policy.AddAuthenticationSchemes(ApiAuthentication.Scheme).RequireAuthenticatedUser());

        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = SiteLimits.OnRejected;
            // Only attempts count: showing the sign-in form is free. Per client address, over a sliding
            // window wide enough for a township office behind one address signing in every morning
            // (200 people in ten minutes); guessing one account's password is stopped by its lockout.
            limiter.AddPolicy(SignInPolicy, context => !HttpMethods.IsPost(context.Request.Method) ? RateLimitPartition.GetNoLimiter("get") : RateLimitPartition.GetSlidingWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new SlidingWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, options.SignInPermitsPerAddress),
                    Window = TimeSpan.FromMinutes(Math.Max(1, options.SignInWindowMinutes)),
                    SegmentsPerWindow = 10,
                    QueueLimit = 0,
                }));

            // Intake (applications and complaints from the public): per client address, kept in memory
            // only and as a keyed hash, never stored with the application.
            limiter.AddPolicy(IntakePolicy, context => !HttpMethods.IsPost(context.Request.Method) ? RateLimitPartition.GetNoLimiter("get") : RateLimitPartition.GetFixedWindowLimiter(
                Citizens.IntakeKey.Of(context.Connection.RemoteIpAddress),
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, options.IntakePermitsPerMinute),
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
        });

        services.AddLocalization(localization => localization.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(localization =>
        {
            localization.DefaultRequestCulture = new RequestCulture("zh-CN");
            localization.SupportedCultures = Cultures;
            localization.SupportedUICultures = Cultures;
            localization.RequestCultureProviders = [new ApiAcceptLanguage(), new CookieRequestCultureProvider()];
        });
        services.AddRazorPages(pages =>
            {
                pages.Conventions.AllowAnonymousToPage("/Account/SignIn");
                pages.Conventions.AllowAnonymousToPage("/Account/TwoFactor");
                pages.Conventions.AllowAnonymousToPage("/Account/First");
                pages.Conventions.AllowAnonymousToPage("/Account/SignOut");
                pages.Conventions.AllowAnonymousToPage("/Account/Denied");
                pages.Conventions.AllowAnonymousToPage("/Setup/Index");
            })
            .AddMvcOptions(mvc => mvc.Filters.Add<PageFormFilter>())
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "fenquan.af";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
        });

        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
            json.SerializerOptions.Converters.Add(new PlainTextJsonConverter());
        });
        services.AddOpenApi(OpenApiSecurity.Declare);
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        // Uploads: no request body above the attachment limit plus multipart overhead (413 before it is
        // read, when the length is declared); form files above 64 KiB are buffered to disk, not memory.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = AttachmentService.MaxRequest);
        services.Configure<FormOptions>(form =>
        {
            form.ValueLengthLimit = 64 * 1024;
            form.MultipartBodyLengthLimit = AttachmentService.MaxRequest;
            form.MemoryBufferThreshold = 64 * 1024;
        });
    }

    public static void Configure(WebApplication app)
    {
        // An exception: the API answers a problem (ProblemExceptionHandler); a page gets the site's error
        // page with the status the exception stands for (a client's unreadable body is 400, not 500).
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        // A status without a body: a problem for the API, the site's page (in the viewer's language) otherwise.
        app.UseWhen(SiteLimits.IsApi, api => api.UseStatusCodePages());
        app.UseWhen(context => !SiteLimits.IsApi(context), site => site.UseStatusCodePagesWithReExecute("/error/{0}"));
        app.UseMiddleware<SecurityHeaders>();
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseRouting();
        app.Use(SiteLimits.NotFoundWithoutEndpoint);
        app.Use(SiteLimits.LimitApiBodies);
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.Use((context, next) => context.RequestServices.GetRequiredService<TwoFactorRequirement>().EnforceAsync(context, next));
        app.UseAntiforgery();

        app.MapRazorPages();
        app.MapCultureSwitch();
        app.MapFenquanApi();
        app.MapMeetingApi();
        app.MapPolicyApi();
        app.MapCountyDataApi();
        app.MapAccountApi();
        app.MapAdministratorApi();
        app.MapCounterpartyApi();
        app.MapTransparency();
        app.MapOcds(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<FenquanOptions>>().Value.CheckedOcdsPrefix());
        app.MapComplaintApi();
        app.MapApplicationApi();
        app.MapFinanceApi();
        app.MapPurchaseApi();
        app.MapFlagApi();
        app.MapBudgetApi();
        app.MapReceptionApi();
        app.MapConstructionApi();
        app.MapStatementApi();
        app.MapInspectionApi();
        app.MapImportApi();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference().AllowAnonymous();
    }

    /// <summary>
    /// Identity's security-stamp check (a changed password or a lockout signs the cookie out), run
    /// when it is due — the same test Identity's validator makes first. Resolving that validator for
    /// every request built the sign-in manager, the user manager and an accounts DbContext each time,
    /// a fifth of an API request's cost under load (measured with a profiler).
    /// </summary>
    private static Task ValidateStampWhenDue(Microsoft.AspNetCore.Authentication.Cookies.CookieValidatePrincipalContext context)
    {
        var options = context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityStampValidatorOptions>>().Value;
        var now = (options.TimeProvider ?? TimeProvider.System).GetUtcNow();
        var due = context.Properties.IssuedUtc is not { } issued || now - issued > options.ValidationInterval;
        return due ? SecurityStampValidator.ValidatePrincipalAsync(context) : Task.CompletedTask;
    }

    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>POST /culture: the language switch (a cookie), then back to the page.</summary>
    private static void MapCultureSwitch(this WebApplication app) =>
        app.MapPost("/culture", (HttpContext context, [Microsoft.AspNetCore.Mvc.FromForm] string culture, [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl) =>
        {
            var chosen = Cultures.FirstOrDefault(c => c.Name == culture) ?? Cultures[0];
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            var back = !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : "/";
            return Results.LocalRedirect(back);
        }).AllowAnonymous().ExcludeFromDescription();
}
