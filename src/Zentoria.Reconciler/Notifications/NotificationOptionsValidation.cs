namespace Zentoria.Reconciler.Notifications;

/// <summary>Start-up checks of the webhook targets; messages name the target by position, never by its URL (a secret).</summary>
internal static class NotificationOptionsValidation
{
    public static IEnumerable<string> Errors(NotificationOptions options)
    {
        for (var i = 0; i < options.Webhooks.Count; i++)
        {
            var url = options.Webhooks[i].Url;
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                yield return $"Notifications.Webhooks[{i}].Url is not an absolute http or https URL (the value is not shown: it may hold a secret).";
            }
        }

        if (options.BackoffMax < options.BackoffInitial)
        {
            yield return $"Notifications.BackoffMax ({options.BackoffMax}) must not be shorter than Notifications.BackoffInitial ({options.BackoffInitial}).";
        }
    }
}
