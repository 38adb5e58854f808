namespace Zentoria.Reconciler.Analysis;

/// <summary>What a PromQL template's placeholders stand for.</summary>
/// <param name="Service">The service's name, such as <c>mcp-gateway</c> (<c>{{service}}</c>).</param>
/// <param name="Canary">The canary's scrape target, its <c>instance</c> label, such as <c>127.0.2.211:3000</c> (<c>{{canary}}</c>).</param>
/// <param name="Interval">The query window (<c>{{interval}}</c>), written as a PromQL duration such as <c>1m</c>.</param>
internal sealed record PromQlValues(string Service, string Canary, TimeSpan Interval);
