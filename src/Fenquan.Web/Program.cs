using Fenquan.Web.Hosting;

var app = FenquanWeb.Build(args);
await app.RunAsync();

/// <summary>The entry point, named for WebApplicationFactory.</summary>
public partial class Program;
