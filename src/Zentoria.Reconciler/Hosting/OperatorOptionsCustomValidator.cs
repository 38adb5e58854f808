using System.Net;
using Microsoft.Extensions.Options;

namespace Zentoria.Reconciler.Hosting;

/// <summary>Rules that span fields, with messages that print the offending values.</summary>
internal sealed class OperatorOptionsCustomValidator : IValidateOptions<OperatorOptions>
{
    public ValidateOptionsResult Validate(string? name, OperatorOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();
        var scheduling = options.Scheduling;
        if (scheduling.BackoffMax < scheduling.BackoffInitial)
        {
            builder.AddError($"Scheduling.BackoffMax ({scheduling.BackoffMax}) must not be shorter than Scheduling.BackoffInitial ({scheduling.BackoffInitial}).");
        }

        // /healthz would report a healthy loop as dead while it merely waits out an interval or a backoff.
        var longestWait = Max(scheduling.Interval, scheduling.BackoffMax) * (1 + scheduling.JitterFraction);
        if (options.Loop.LivenessWindow <= longestWait)
        {
            builder.AddError($"Loop.LivenessWindow ({options.Loop.LivenessWindow}) must exceed the longest wait between passes ({longestWait}: the larger of Scheduling.Interval and Scheduling.BackoffMax, plus jitter).");
        }

        if (!IPAddress.TryParse(options.Http.Address, out var address))
        {
            builder.AddError($"Http.Address ({options.Http.Address}) must be an IP address, such as 127.0.0.1.");
        }
        else if (!IPAddress.IsLoopback(address) && !options.Http.AllowNonLoopback)
        {
            builder.AddError($"Http.Address ({options.Http.Address}) is not a loopback address; set Http.AllowNonLoopback to expose the endpoint beyond this machine.");
        }

        if (options.Http.TokenFile is { } file && !File.Exists(file))
        {
            builder.AddError($"Http.TokenFile ({file}) does not exist.");
        }

        foreach (var problem in Sources.SourceOptionsValidation.Errors(options.Source).Concat(Notifications.NotificationOptionsValidation.Errors(options.Notifications)))
        {
            builder.AddError(problem);
        }

        return builder.Build();
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
