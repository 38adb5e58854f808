using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Zentoria.Reconciler.Proxmox;

namespace Zentoria.Reconciler.Tests.Proxmox.Json;

/// <summary>
/// Generated contracts assign every init-only property when they construct an object, so a field missing from an
/// answer would leave such a property null even where its declaration gives a default (dotnet/runtime#84484). Proxmox
/// leaves out fields freely (an empty <c>tags</c>, a task without <c>type</c>); none may become a null the code does not expect.
/// </summary>
internal sealed class ProxmoxJsonDefaultsTests
{
    private static IEnumerable<Type> AnswerTypes() =>
        typeof(ProxmoxJsonContext).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => p.PropertyType)
            .Where(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(JsonTypeInfo<>))
            .Select(t => t.GetGenericArguments()[0])
            .Where(t => t is { IsClass: true, IsGenericType: false } && t.Namespace == typeof(ProxmoxClient).Namespace)
            // Read as JSON objects; not SecretString, which a property-level converter reads from a string.
            .Where(t => ProxmoxJson.Options.GetTypeInfo(t).Kind == JsonTypeInfoKind.Object && t.GetProperties().Any(p => p.SetMethod is { IsPublic: true }))
            .Distinct();

    [Test]
    public void The_context_covers_the_answers_these_tests_check() =>
        Assert.That(AnswerTypes().Select(t => t.Name), Is.SupersetOf(new[] { "ContainerStatus", "ClusterResource", "ProxmoxTaskSummary", "ContainerSnapshot" }));

    [TestCaseSource(nameof(AnswerTypes))]
    public void An_answer_with_no_fields_leaves_no_non_nullable_property_null(Type answer)
    {
        var value = JsonSerializer.Deserialize("{}", ProxmoxJson.Options.GetTypeInfo(answer));
        var nullability = new NullabilityInfoContext();

        var nulls = answer.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && !p.PropertyType.IsValueType)
            .Where(p => nullability.Create(p).ReadState == NullabilityState.NotNull && p.GetValue(value) is null)
            .Select(p => p.Name);

        Assert.That(nulls, Is.Empty, $"{answer.Name} read from {{}}");
    }
}
