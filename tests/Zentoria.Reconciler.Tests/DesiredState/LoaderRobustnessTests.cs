using Zentoria.Reconciler.DesiredState.Loading;

namespace Zentoria.Reconciler.Tests.DesiredState;

/// <summary>Bad input of any shape comes back as errors, never as an exception.</summary>
internal sealed class LoaderRobustnessTests
{
    private const string Noise = "{[]}:-&*!|>'\"\t%@`#,?\n";

    [Test]
    public void Every_truncation_and_corruption_of_the_shipped_services_file_gives_errors_not_exceptions()
    {
        var original = File.ReadAllText(Path.Join(RepositoryRoot.Path, "desired-state", "base", "services.yaml"));
        using var folder = DesiredStateFolder.FromMinimal();
        var random = new Random(20261126);

        for (var attempt = 0; attempt < 200; attempt++)
        {
            var text = original[..random.Next(original.Length)];
            if (attempt % 2 == 1)
            {
                var at = random.Next(text.Length + 1);
                text = text[..at] + Noise[random.Next(Noise.Length)] + text[at..];
            }

            folder.Write("base/services.yaml", text);
            Assert.DoesNotThrow(() => DesiredStateLoader.Load(folder.Root, "test"), text);
        }
    }

    [Test]
    public void A_missing_desired_state_folder_is_an_error()
    {
        var result = DesiredStateLoader.Load("no-such-folder", "test");

        Assert.That(result.Errors.Select(e => e.ToString()), Is.EqualTo(new[] { "no-such-folder: the desired-state folder 'no-such-folder' does not exist" }));
    }
}
