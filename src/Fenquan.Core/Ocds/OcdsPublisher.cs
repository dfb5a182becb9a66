namespace Fenquan.Core.Ocds;

/// <summary>Who publishes the packages (the county) and the address the package URIs start from.</summary>
public sealed record OcdsPublisher(string Name, string BaseUri);
