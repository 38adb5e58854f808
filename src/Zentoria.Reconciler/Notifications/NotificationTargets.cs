using System.Security.Cryptography;
using System.Text;

namespace Zentoria.Reconciler.Notifications;

/// <summary>Names targets without their URL, which may itself be a credential.</summary>
internal static class NotificationTargets
{
    /// <summary>A stable id for the ledger: a short SHA-256 of the URL, so a reordered list keeps its deliveries.</summary>
    public static string Id(NotificationTarget target) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(target.Url)))[..16];

    /// <summary>For logs: the position and the host, such as <c>#1 hooks.slack.com</c>.</summary>
    public static string Describe(NotificationOptions options, NotificationTarget target) =>
        $"#{options.Webhooks.IndexOf(target) + 1} {(Uri.TryCreate(target.Url, UriKind.Absolute, out var uri) ? uri.Host : "?")}";
}
