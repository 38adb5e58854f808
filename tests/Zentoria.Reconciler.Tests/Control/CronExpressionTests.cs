using Zentoria.Reconciler.Control;

namespace Zentoria.Reconciler.Tests.Control;

internal sealed class CronExpressionTests
{
    [TestCase("* * * * *", "2026-11-26 12:34", true)]
    [TestCase("0 22 * * *", "2026-11-26 22:00", true)]
    [TestCase("0 22 * * *", "2026-11-26 22:01", false)]
    [TestCase("*/15 * * * *", "2026-11-26 10:45", true)]
    [TestCase("*/15 * * * *", "2026-11-26 10:46", false)]
    [TestCase("5/20 * * * *", "2026-11-26 10:45", true, Description = "a start with a step runs to the end of the range")]
    [TestCase("0 9-17/4 * * *", "2026-11-26 13:00", true)]
    [TestCase("0 9-17/4 * * *", "2026-11-26 15:00", false)]
    [TestCase("0 8 * * mon-fri", "2026-11-27 08:00", true, Description = "a Friday")]
    [TestCase("0 8 * * mon-fri", "2026-11-28 08:00", false, Description = "a Saturday")]
    [TestCase("0 0 * * 7", "2026-11-29 00:00", true, Description = "7 is Sunday")]
    [TestCase("0 0 * * 0", "2026-11-29 00:00", true, Description = "0 is Sunday")]
    [TestCase("0 0 1 jan *", "2027-01-01 00:00", true)]
    [TestCase("0 0 1 JAN,jul *", "2027-07-01 00:00", true)]
    [TestCase("0 0 1 jan *", "2027-02-01 00:00", false)]
    [TestCase("0 0 1 * mon", "2026-11-30 00:00", true, Description = "both day fields restricted: a Monday matches")]
    [TestCase("0 0 1 * mon", "2026-12-01 00:00", true, Description = "both day fields restricted: the 1st matches")]
    [TestCase("0 0 1 * mon", "2026-12-02 00:00", false)]
    [TestCase("0 0 1 * *", "2026-11-30 00:00", false, Description = "day of week '*': only the day of month counts")]
    [TestCase("0 12 1,15 * *", "2026-11-15 12:00", true)]
    public void An_expression_matches_the_wall_clock_minutes_it_names(string expression, string wallClock, bool expected)
    {
        var cron = CronExpression.TryParse(expression, out var error);

        Assert.That(error, Is.Null);
        Assert.That(cron!.Matches(DateTime.Parse(wallClock, System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(expected));
    }

    [TestCase("0 22 * *")]
    [TestCase("60 * * * *")]
    [TestCase("* * * * funday")]
    [TestCase("*/0 * * * *")]
    [TestCase("5-1 * * * *")]
    public void An_invalid_expression_is_an_error_not_an_exception(string expression)
    {
        var cron = CronExpression.TryParse(expression, out var error);

        Assert.That(cron, Is.Null);
        Assert.That(error, Does.Contain(expression));
    }
}
