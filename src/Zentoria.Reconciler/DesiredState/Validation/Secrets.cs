namespace Zentoria.Reconciler.DesiredState.Validation;

/// <summary>Recognises an attempt to write a secret into the desired state, which lives in git.</summary>
internal static class Secrets
{
    public const string Advice =
        "secrets never live in the desired state: name the file or the environment variable that holds it (such as tokenFile or tokenEnv)";

    private static readonly string[] Words = ["password", "passwd", "secret", "token", "apikey", "privatekey"];

    public static bool LooksLikeSecret(string key) => Words.Any(word => key.Contains(word, StringComparison.OrdinalIgnoreCase));
}
