using System.Collections.Immutable;

namespace Zentoria.Reconciler.DesiredState.Loading;

internal static class DocumentKinds
{
    public const string ApiVersion = "zentoria.ai/v1";
    public const string Environment = "Environment";
    public const string Container = "Container";
    public const string Service = "Service";
    public const string FeatureFlags = "FeatureFlags";

    public static readonly ImmutableArray<string> All = [Environment, Container, Service, FeatureFlags];

    /// <summary>How error paths name a document: <c>environment</c>, <c>containers[backend]</c>, ...</summary>
    public static string PathOf(string kind, string name) => kind switch
    {
        Environment => "environment",
        Container => $"containers[{name}]",
        Service => $"services[{name}]",
        _ => $"featureFlags[{name}]",
    };
}
