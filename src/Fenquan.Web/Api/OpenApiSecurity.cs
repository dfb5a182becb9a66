using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Fenquan.Web.Api;

/// <summary>
/// The OpenAPI document says how to authenticate: a bearer token (made on /account/tokens, scoped,
/// revocable) on every operation that needs one; operations open to everyone say they need none.
/// </summary>
public static class OpenApiSecurity
{
    public const string SchemeName = "bearer";

    public static void Declare(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "fenquan API token",
                Description = "获取令牌：登录后在 /account/tokens 创建（可限定范围、可撤销），请求时发送 “Authorization: Bearer <令牌>”。"
                    + " How to get a token: sign in, create one on /account/tokens (scoped, revocable), and send \"Authorization: Bearer <token>\". "
                    + "A browser's sign-in cookie is accepted too.",
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] }];
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Authorization.IAllowAnonymous>().Any())
            {
                operation.Security = [];
            }

            return Task.CompletedTask;
        });
    }
}
