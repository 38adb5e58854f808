using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.DesiredState.Loading;

namespace Zentoria.Reconciler.Tests.DesiredState;

/// <summary>How an environment's documents change base: the rules docs/desired-state.md promises.</summary>
internal sealed class OverlayMergeTests
{
    private const string Header = "apiVersion: zentoria.ai/v1\n";

    private static DesiredStateLoadResult LoadWithOverlay(string overlay)
    {
        using var folder = DesiredStateFolder.FromMinimal(new Dictionary<string, string> { ["environments/test/zz-overlay.yaml"] = overlay });
        var result = DesiredStateLoader.Load(folder.Root, "test");
        return result with { Errors = [.. result.Errors.Select(e => e with { Location = e.Location with { File = folder.Relative(e.Location.File) } })] };
    }

    private static Desired LoadValid(string overlay)
    {
        var result = LoadWithOverlay(overlay);
        Assert.That(result.Errors.Select(e => e.ToString()), Is.Empty);
        return result.Desired!;
    }

    private static ContainerSpec Backend(Desired desired) => desired.FindContainer(new ContainerName("backend"))!;

    [Test]
    public void A_scalar_in_the_overlay_replaces_the_base_value_and_leaves_its_siblings()
    {
        var desired = LoadValid(Header + "kind: Container\nmetadata: { name: backend }\nspec: { resources: { memoryMiB: 8192 } }\n");

        Assert.That(Backend(desired).Resources, Is.EqualTo(new ContainerResources(2, 8192, 512, 16)));
    }

    [Test]
    public void Mappings_merge_across_several_overlay_files_in_file_order()
    {
        var desired = LoadValid(Header + "kind: Container\nmetadata: { name: backend }\nspec: { network: { bridge: vmbr1 } }\n");

        Assert.That(Backend(desired).Network, Is.EqualTo(new ContainerNetwork("192.0.2.41/24", "192.0.2.1", "vmbr1")));
    }

    [Test]
    public void A_list_in_the_overlay_replaces_the_whole_base_list()
    {
        var desired = LoadValid(Header + "kind: Container\nmetadata: { name: backend }\nspec: { tags: [canary] }\n");

        Assert.That(Backend(desired).Tags, Is.EqualTo(new[] { "canary" }));
    }

    [Test]
    public void A_null_in_the_overlay_removes_the_key_so_its_default_applies()
    {
        var desired = LoadValid(Header + "kind: Container\nmetadata: { name: backend }\nspec: { onBoot: null, network: { gateway: null }, resources: { swapMiB: ~ } }\n");

        Assert.That(Backend(desired).OnBoot, Is.False);
        Assert.That(Backend(desired).Network.Gateway, Is.Null);
        Assert.That(Backend(desired).Resources.SwapMiB, Is.EqualTo(512));
    }

    [Test]
    public void Patch_delete_removes_the_base_document()
    {
        var desired = LoadValid(Header + "kind: FeatureFlags\nmetadata: { name: api-flags }\n$patch: delete\n");

        Assert.That(desired.FeatureFlags, Is.Empty);
    }

    [Test]
    public void An_overlay_document_that_is_not_in_base_adds_a_new_document()
    {
        var desired = LoadValid(Header + "kind: Container\nmetadata: { name: cache }\nspec:\n  vmid: 450\n  node: pve\n  hostname: test-cache\n" +
                                "  resources: { cores: 1, memoryMiB: 256, diskGiB: 4 }\n  network: { ip: 192.0.2.50/24 }\n");

        Assert.That(desired.Containers.Select(c => c.Name.Value), Is.EqualTo(new[] { "backend", "cache", "nginx", "postgres" }));
    }

    [Test]
    public void An_error_in_a_value_the_overlay_wrote_points_into_the_overlay_file()
    {
        var result = LoadWithOverlay(Header + "kind: Container\nmetadata: { name: backend }\nspec:\n  resources: { cores: 0 }\n");

        Assert.That(result.Errors.Select(e => e.ToString()), Is.EqualTo(new[]
        {
            "desired-state/environments/test/zz-overlay.yaml:5:23: containers[backend].resources.cores: must be between 1 and 8192, not 0",
        }));
    }

    [Test]
    public void An_error_the_overlay_causes_in_a_base_value_points_into_base()
    {
        // The overlay moves the container into another network; the base gateway no longer fits it.
        var result = LoadWithOverlay(Header + "kind: Container\nmetadata: { name: backend }\nspec: { network: { ip: 198.51.100.7/24 } }\n");

        Assert.That(result.Errors.Select(e => e.ToString()), Is.EqualTo(new[]
        {
            "desired-state/environments/test/network.yaml:5:48: containers[backend].network.gateway: the gateway 192.0.2.1 is outside the container's network 198.51.100.7/24",
        }));
    }
}
