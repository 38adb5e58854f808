using System.Diagnostics;
using System.Security.Cryptography;
using Zentoria.Reconciler.Guests.Ssh;
using Zentoria.Reconciler.Tests.TestSupport;

namespace Zentoria.Reconciler.Tests.Guests.Ssh;

internal sealed class KnownHostsTests
{
    private static readonly byte[] Key = Blob("ssh-ed25519", 1);
    private static readonly byte[] OtherKey = Blob("ssh-ed25519", 2);
    private static readonly string KeyField = "ssh-ed25519 " + Convert.ToBase64String(Key);
    private static readonly string OtherKeyField = "ssh-ed25519 " + Convert.ToBase64String(OtherKey);

    [TestCase("127.0.0.1", 22, "127.0.0.1")]
    [TestCase("127.0.0.1", 2222, "[127.0.0.1]:2222")]
    [TestCase("pve.example", 22, "pve.example,127.0.0.9")]
    [TestCase("pve.example", 22, "*.example")]
    [TestCase("ct441", 22, "ct4?1")]
    [TestCase("PVE.example", 22, "pve.EXAMPLE")]
    public void A_matching_name_with_the_key_is_trusted(string host, int port, string patterns) =>
        Assert.That(KnownHosts.Check([$"{patterns} {KeyField}"], host, port, Key), Is.EqualTo(KnownHostsVerdict.Trusted));

    [TestCase("127.0.0.1", 2222, "127.0.0.1", Description = "port 22 entries do not cover other ports")]
    [TestCase("127.0.0.1", 22, "[127.0.0.1]:2222")]
    [TestCase("pve.example", 22, "*.example,!pve.example", Description = "a negated pattern wins")]
    [TestCase("pve.example", 22, "pve.exampl")]
    public void A_name_that_does_not_match_leaves_the_host_unknown(string host, int port, string patterns) =>
        Assert.That(KnownHosts.Check([$"{patterns} {KeyField}"], host, port, Key), Is.EqualTo(KnownHostsVerdict.Unknown));

    [Test]
    public void A_hashed_name_matches_only_its_host()
    {
        var line = $"{KnownHosts.Hash("[127.0.0.1]:2222", RandomNumberGenerator.GetBytes(20))} {KeyField}";

        Assert.That(KnownHosts.Check([line], "127.0.0.1", 2222, Key), Is.EqualTo(KnownHostsVerdict.Trusted));
        Assert.That(KnownHosts.Check([line], "127.0.0.1", 22, Key), Is.EqualTo(KnownHostsVerdict.Unknown));
    }

    [Test]
    public void A_name_hashed_by_ssh_keygen_matches()
    {
        using var folder = new TemporaryFolder();
        var file = folder.File("known_hosts");
        File.WriteAllText(file, $"[127.0.0.1]:2222 {KeyField}\n");

        using (var keygen = Process.Start(new ProcessStartInfo("/usr/bin/ssh-keygen", ["-H", "-f", file]) { RedirectStandardOutput = true, RedirectStandardError = true })!)
        {
            keygen.WaitForExit(30_000);
            Assert.That(keygen.ExitCode, Is.Zero);
        }

        var lines = File.ReadAllLines(file);
        Assert.That(lines.Single(), Does.StartWith("|1|"));
        Assert.That(KnownHosts.Check(lines, "127.0.0.1", 2222, Key), Is.EqualTo(KnownHostsVerdict.Trusted));
        Assert.That(KnownHosts.Check(lines, "127.0.0.2", 2222, Key), Is.EqualTo(KnownHostsVerdict.Unknown));
    }

    [Test]
    public void Another_key_for_a_listed_host_is_a_mismatch_unless_one_entry_has_the_key()
    {
        Assert.That(KnownHosts.Check([$"127.0.0.1 {OtherKeyField}"], "127.0.0.1", 22, Key), Is.EqualTo(KnownHostsVerdict.Mismatch));
        Assert.That(KnownHosts.Check([$"127.0.0.1 {OtherKeyField}", $"127.0.0.1 {KeyField}"], "127.0.0.1", 22, Key), Is.EqualTo(KnownHostsVerdict.Trusted));
    }

    [Test]
    public void A_revoked_key_is_refused_even_when_another_line_trusts_it() =>
        Assert.That(KnownHosts.Check([$"127.0.0.1 {KeyField}", $"@revoked * {KeyField}"], "127.0.0.1", 22, Key), Is.EqualTo(KnownHostsVerdict.Revoked));

    [Test]
    public void Comments_blank_lines_broken_lines_and_cert_authorities_are_skipped() =>
        Assert.That(
            KnownHosts.Check(["# 127.0.0.1 " + KeyField, "", "127.0.0.1", "|1|bad|hash " + KeyField, $"@cert-authority 127.0.0.1 {KeyField}"], "127.0.0.1", 22, Key),
            Is.EqualTo(KnownHostsVerdict.Unknown));

    [Test]
    public void An_entry_round_trips_through_check()
    {
        var entry = KnownHosts.Entry("127.0.0.1", 2222, Key);

        Assert.That(entry, Is.EqualTo($"[127.0.0.1]:2222 {KeyField}"));
        Assert.That(KnownHosts.Check([entry], "127.0.0.1", 2222, Key), Is.EqualTo(KnownHostsVerdict.Trusted));
    }

    [Test]
    public void A_fingerprint_is_sha256_of_the_blob_in_unpadded_base64()
    {
        var fingerprint = HostKeyFingerprint.Of(Key);

        Assert.That(fingerprint, Is.EqualTo("SHA256:" + Convert.ToBase64String(SHA256.HashData(Key)).TrimEnd('=')));
        Assert.That(HostKeyFingerprint.Matches(fingerprint + "=", fingerprint), Is.True);
        Assert.That(HostKeyFingerprint.Matches(fingerprint["SHA256:".Length..], fingerprint), Is.False, "the SHA256: prefix is required");
    }

    private static byte[] Blob(string type, byte fill)
    {
        var name = System.Text.Encoding.ASCII.GetBytes(type);
        var blob = new byte[4 + name.Length + 4 + 32];
        blob[3] = (byte)name.Length;
        name.CopyTo(blob, 4);
        blob[4 + name.Length + 3] = 32;
        Array.Fill(blob, fill, 8 + name.Length, 32);
        return blob;
    }
}
