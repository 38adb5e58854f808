using Zentoria.Reconciler.Reconciliation.Services.Migrations;

namespace Zentoria.Reconciler.Tests.Reconciliation.Services.Migrations;

internal sealed class DumpFormatTests
{
    private const string PlainHead = "--\n-- PostgreSQL database dump\n--\n\n-- Dumped from database version 15.18\n";
    private const string PlainTail = "\n--\n-- PostgreSQL database dump complete\n--\n\n";

    [Test]
    public void A_custom_format_dump_is_recognised_by_its_magic() =>
        Assert.That(DumpFormat.Problem(2048, "PGDMP\u0001\u000e\u0000\u0004\u0008\u0001", "\u0000\u0001"), Is.Null);

    [Test]
    public void A_complete_plain_dump_is_recognised_by_its_header_and_trailer() =>
        Assert.That(DumpFormat.Problem(900, PlainHead, PlainTail), Is.Null);

    [Test]
    public void A_plain_dump_cut_short_is_refused() =>
        Assert.That(DumpFormat.Problem(900, PlainHead, "INSERT INTO items VALUES (3, 'gam"), Does.Contain("did not finish"));

    [TestCase(0, "", "", "empty")]
    [TestCase(11, "not a dump\n", "not a dump\n", "not a PostgreSQL dump")]
    [TestCase(5, "PGDM", "PGDM", "not a PostgreSQL dump")]
    [TestCase(300, "-- MySQL dump 10.13\n", "-- Dump completed\n", "not a PostgreSQL dump")]
    public void Anything_else_is_refused_with_the_reason(long size, string head, string tail, string reason) =>
        Assert.That(DumpFormat.Problem(size, head, tail), Does.Contain(reason));
}
