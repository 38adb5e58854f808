namespace Zentoria.Reconciler.Notifications;

/// <summary>
/// Reads notification targets from a file (<c>--notify-file</c>), one per line as <c>json URL</c> or <c>slack URL</c>;
/// blank lines and lines starting with <c>#</c> are skipped. A file, because a webhook URL is often its own
/// credential and a command line is visible to every user of the machine.
/// </summary>
internal static class NotificationTargetsFile
{
    /// <returns>The targets, or null with <paramref name="error"/> naming the line (never its URL).</returns>
    public static List<NotificationTarget>? Read(string path, out string? error)
    {
        if (!File.Exists(path))
        {
            error = $"the notification file '{path}' does not exist";
            return null;
        }

        var targets = new List<NotificationTarget>();
        var number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || !Enum.TryParse<NotificationFormat>(parts[0], ignoreCase: true, out var format) || !Enum.IsDefined(format)
                || !Uri.TryCreate(parts[1].Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                error = $"{path}:{number}: expected 'json <url>' or 'slack <url>' with an http or https URL (the line is not shown: it may hold a secret)";
                return null;
            }

            targets.Add(new NotificationTarget { Url = parts[1].Trim(), Format = format });
        }

        error = null;
        return targets;
    }
}
