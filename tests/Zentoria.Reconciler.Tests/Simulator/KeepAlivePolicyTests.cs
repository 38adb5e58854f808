using Zentoria.Reconciler.Simulator.Http;

namespace Zentoria.Reconciler.Tests.Simulator;

internal sealed class KeepAlivePolicyTests
{
    [Test]
    public void A_connection_closes_after_its_hundredth_answer_or_after_an_error()
    {
        var policy = new KeepAlivePolicy();
        var busy = new Dictionary<object, object?>();
        var failing = new Dictionary<object, object?>();

        var busyAnswers = Enumerable.Range(1, KeepAlivePolicy.RequestsPerConnection).Select(_ => policy.KeepsAlive(busy, 200)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(busyAnswers.IndexOf(false), Is.EqualTo(KeepAlivePolicy.RequestsPerConnection - 1));
            Assert.That((policy.KeepsAlive(failing, 200), policy.KeepsAlive(failing, 404)), Is.EqualTo((true, false)));
        });
    }

    [Test]
    public void A_worker_that_served_its_thousandth_answer_closes_each_of_its_connections_after_their_next_answer_and_a_fresh_worker_takes_new_ones()
    {
        // 33 connections, 11 per worker, each answered once per round: every worker serves 11 answers a round and
        // reaches 1000 in round 91, at its tenth connection; none reaches the 100 answers of one connection.
        var policy = new KeepAlivePolicy();
        var connections = Enumerable.Range(0, KeepAlivePolicy.Workers * 11).Select(_ => new Dictionary<object, object?>()).ToList();
        var closedIn = new Dictionary<int, int>();
        for (var round = 1; round <= 92; round++)
        {
            for (var i = 0; i < connections.Count; i++)
            {
                if (!closedIn.ContainsKey(i) && !policy.KeepsAlive(connections[i], 200))
                {
                    closedIn[i] = round;
                }
            }
        }

        var fresh = new Dictionary<object, object?>();
        var freshAnswers = Enumerable.Range(0, 10).Select(_ => policy.KeepsAlive(fresh, 200));

        Assert.Multiple(() =>
        {
            Assert.That(closedIn.Where(c => c.Value == 91).Select(c => c.Key).Order(), Is.EqualTo(Enumerable.Range(27, 6)), "the thousandth answer of each worker, and the answers after it");
            Assert.That(closedIn.Where(c => c.Value == 92).Select(c => c.Key).Order(), Is.EqualTo(Enumerable.Range(0, 27)), "the next answer on every other connection of an ended worker");
            Assert.That(freshAnswers, Is.All.True);
        });
    }
}
