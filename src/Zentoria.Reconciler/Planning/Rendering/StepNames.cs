namespace Zentoria.Reconciler.Planning.Rendering;

/// <summary>The names and symbols a plan is printed with; the JSON names are part of the documented shape.</summary>
internal static class StepNames
{
    public static string Json(StepAction action) => action switch
    {
        StepAction.Create => "create",
        StepAction.Update => "update",
        StepAction.Resize => "resize",
        StepAction.Start => "start",
        StepAction.Restart => "restart",
        StepAction.Deploy => "deploy",
        StepAction.WriteFlags => "writeFlags",
        StepAction.Stop => "stop",
        StepAction.Destroy => "destroy",
        _ => "refused",
    };

    public static string Json(Disruption disruption) => disruption switch
    {
        Disruption.Restart => "restart",
        Disruption.Downtime => "downtime",
        _ => "none",
    };

    public static string Text(StepAction action) => action switch
    {
        StepAction.Update => "update config",
        StepAction.Resize => "resize disk",
        StepAction.Restart => "restart to apply pending changes",
        StepAction.Deploy => "deploy version",
        StepAction.WriteFlags => "write flags",
        _ => Json(action),
    };

    /// <summary>terraform's symbols, plus <c>!</c> for a restart and <c>x</c> for a change that will not be made.</summary>
    public static char Symbol(StepAction action) => action switch
    {
        StepAction.Create => '+',
        StepAction.Destroy => '-',
        StepAction.Restart => '!',
        StepAction.Refused => 'x',
        _ => '~',
    };
}
