namespace Zentoria.Reconciler.Routing;

/// <summary>One <c>server</c> line of an upstream: a pool's endpoint and its NGINX weight.</summary>
internal sealed record UpstreamServer(UpstreamPool Pool, UpstreamEndpoint Endpoint, int Weight);
