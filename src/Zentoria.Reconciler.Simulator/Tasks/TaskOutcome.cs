namespace Zentoria.Reconciler.Simulator.Tasks;

/// <summary>How a simulated task ends, decided when it is dispatched or by an injected fault.</summary>
internal enum TaskOutcome
{
    /// <summary>Runs its completion step, which may still fail.</summary>
    Normal,

    /// <summary>Ends with the given error; its abort step undoes what dispatch did (locks, half-created configs).</summary>
    Fail,

    /// <summary>Stays <c>running</c> for ever, holding whatever lock it took.</summary>
    Hang,
}
