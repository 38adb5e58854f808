using System.Text;
using Zentoria.Reconciler.Guests.Flags;
using Zentoria.Reconciler.Planning;

namespace Zentoria.Reconciler.Tests.Guests.Flags;

internal sealed class FlagFileTests
{
    [Test]
    public void Writes_sorted_flags_with_the_revision_in_stable_bytes()
    {
        var file = FlagFile.Of("abc123", [new LiveFlag("websocket-compression", true, 50), new LiveFlag("chat-v2", false, 0)]);

        var text = Encoding.UTF8.GetString(file.ToBytes());

        Assert.That(text, Is.EqualTo(
            """
            {
              "revision": "abc123",
              "flags": {
                "chat-v2": {
                  "enabled": false,
                  "rolloutPercentage": 0
                },
                "websocket-compression": {
                  "enabled": true,
                  "rolloutPercentage": 50
                }
              }
            }

            """.ReplaceLineEndings("\n")));
        var reordered = FlagFile.Of("abc123", [new LiveFlag("chat-v2", false, 0), new LiveFlag("websocket-compression", true, 50)]);
        Assert.That(reordered.ToBytes(), Is.EqualTo(file.ToBytes()));
    }

    [Test]
    public void Round_trips()
    {
        var file = FlagFile.Of("r1", [new LiveFlag("a", true, 100), new LiveFlag("b", false, 5)]);

        Assert.That(FlagFile.TryParse(file.ToBytes(), out var read, out var error), Is.True, error?.Message);
        Assert.That(read!.Revision, Is.EqualTo("r1"));
        Assert.That(read.Flags, Is.EqualTo(file.Flags));
    }

    [Test]
    public void A_file_without_a_revision_is_read()
    {
        Assert.That(FlagFile.TryParse("""{"flags":{"x":{"enabled":true,"rolloutPercentage":25}}}"""u8.ToArray(), out var read, out _), Is.True);
        Assert.That(read!.Revision, Is.Null);
        Assert.That(read.Flags, Is.EqualTo(new[] { new LiveFlag("x", true, 25) }));
    }

    [TestCase("", "Not valid JSON")]
    [TestCase("{", "Not valid JSON")]
    [TestCase("[]", "not an object")]
    [TestCase("""{"revision": 3, "flags": {}}""", "\"revision\"")]
    [TestCase("""{"revision": "r"}""", "\"flags\"")]
    [TestCase("""{"flags": []}""", "\"flags\"")]
    [TestCase("""{"flags": {"x": {"enabled": "yes", "rolloutPercentage": 5}}}""", "Flag \"x\"")]
    [TestCase("""{"flags": {"x": {"enabled": true}}}""", "Flag \"x\"")]
    [TestCase("""{"flags": {"x": {"enabled": true, "rolloutPercentage": 101}}}""", "Flag \"x\"")]
    [TestCase("""{"flags": {"x": {"enabled": true, "rolloutPercentage": -1}}}""", "Flag \"x\"")]
    [TestCase("""{"flags": {"x": {"enabled": true, "rolloutPercentage": 2.5}}}""", "Flag \"x\"")]
    [TestCase("""{"flags": {"x": 1}}""", "Flag \"x\"")]
    [TestCase("""{"flags": {"x": {"enabled": true, "rolloutPercentage": 1}, "x": {"enabled": true, "rolloutPercentage": 2}}}""", "twice")]
    public void A_malformed_file_is_a_typed_error(string content, string says)
    {
        Assert.That(FlagFile.TryParse(Encoding.UTF8.GetBytes(content), out var file, out var error), Is.False);
        Assert.That(file, Is.Null);
        Assert.That(error!.Message, Does.Contain(says));
        Assert.That(error.Message, Does.Not.Contain('\n'));
    }
}
